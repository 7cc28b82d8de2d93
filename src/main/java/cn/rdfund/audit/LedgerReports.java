package cn.rdfund.audit;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads ledger lines with their calculation inputs: one query over the ledger, projects, instalments, enterprises. */
@Component
class LedgerReports {

    private final JdbcClient jdbc;

    LedgerReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every line matching the filters that are set (null: any), in the order written. */
    LedgerReport find(Long projectId, Long organizationId, String measure, Integer year) {
        StringBuilder sql = new StringBuilder("""
                SELECT l.id AS entry_id, l.kind, l.amount, l.recorded_at, l.approved_by, l.memo, p.id AS project_id,
                  p.code AS project_code, p.title AS project_title, p.measure, o.id AS organization_id,
                  o.name AS organization_name, o.uscc, o.district, p.approved_amount, p.funded_amount, p.funding_note,
                  i.percent AS instalment_percent, i.released_by, i.basis AS instalment_basis
                FROM ledger_entry l
                JOIN project p ON p.id = l.project_id
                JOIN organization o ON o.id = l.organization_id
                LEFT JOIN instalment i ON i.project_id = l.project_id AND i.seq = l.milestone_seq AND l.kind = 'DISBURSEMENT'
                WHERE 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (projectId != null) {
            sql.append(" AND l.project_id = ?");
            params.add(projectId);
        }
        if (organizationId != null) {
            sql.append(" AND l.organization_id = ?");
            params.add(organizationId);
        }
        if (measure != null) {
            sql.append(" AND p.measure = ?");
            params.add(measure);
        }
        if (year != null) {
            sql.append(" AND l.recorded_at >= ? AND l.recorded_at < ?");
            params.add(LocalDateTime.of(year, 1, 1, 0, 0));
            params.add(LocalDateTime.of(year + 1, 1, 1, 0, 0));
        }
        sql.append(" ORDER BY l.id");
        return LedgerReport.of(jdbc.sql(sql.toString()).params(params).query(LedgerLine.class).list().stream()
                .map(LedgerLine::inWords).toList());
    }
}
