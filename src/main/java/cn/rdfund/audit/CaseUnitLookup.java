package cn.rdfund.audit;

import cn.rdfund.bureau.LeadUnit;
import cn.rdfund.system.security.CaseUnits;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The unit that leads a case, found from any of the case's root process instances: the same lead unit that decides
 * whether a program manager may open the case at /api/audit ({@link CaseAccess}), so that the engine's read grants
 * and the audit pages give a unit the same cases.
 */
@Component
class CaseUnitLookup implements CaseUnits {

    private static final String LEAD_UNIT_OF_PROCESS = """
            SELECT fc.lead_unit FROM funding_call fc WHERE fc.process_instance_id = :id
            UNION ALL SELECT fc.lead_unit FROM application a JOIN funding_call fc ON fc.id = a.call_id
              WHERE a.process_instance_id = :id
            UNION ALL SELECT COALESCE(fc.lead_unit, cc.lead_unit, pc.lead_unit) FROM project p
              LEFT JOIN funding_call fc ON fc.id = p.call_id
              LEFT JOIN challenge ch ON ch.project_id = p.id
              LEFT JOIN funding_call cc ON cc.id = ch.call_id
              LEFT JOIN policy_claim pc ON pc.project_id = p.id
              WHERE p.process_instance_id = :id
            UNION ALL SELECT cc.lead_unit FROM challenge ch JOIN funding_call cc ON cc.id = ch.call_id
              WHERE ch.process_instance_id = :id
            UNION ALL SELECT pc.lead_unit FROM policy_claim pc WHERE pc.process_instance_id = :id""";

    private final JdbcClient jdbc;
    /** A case's lead unit, once known, does not change: lists of records ask for the same cases again and again. */
    private final Cache<String, String> known = Caffeine.newBuilder().maximumSize(100_000).build();

    CaseUnitLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> leadUnitGroupOfCase(String processInstanceId) {
        String cached = known.getIfPresent(processInstanceId);
        if (cached != null) {
            return Optional.of(cached);
        }
        String root = jdbc.sql("SELECT COALESCE(ROOT_PROC_INST_ID_, ID_) FROM ACT_HI_PROCINST WHERE ID_ = ?")
                .param(processInstanceId).query(String.class).optional().orElse(processInstanceId);
        Optional<String> unit = leadUnitGroupOf(root);
        unit.ifPresent(group -> known.put(processInstanceId, group));
        return unit;
    }

    @Override
    public Optional<String> leadUnitGroupOf(String rootProcessInstanceId) {
        return jdbc.sql(LEAD_UNIT_OF_PROCESS).param("id", rootProcessInstanceId).query(String.class).list().stream()
                .filter(unit -> unit != null && !unit.isBlank())
                .findFirst()
                .map(unit -> LeadUnit.valueOf(unit).groupId());
    }
}
