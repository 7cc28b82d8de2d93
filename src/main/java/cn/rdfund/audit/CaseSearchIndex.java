package cn.rdfund.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case search's index of Chinese character pairs ({@link CaseGrams}) in each case's name and enterprise name.
 * Cases enter it in the background, oldest first, once they are {@code rdfund.audit.search-index.settle} old (a
 * minute: by then the transaction that created a case has long committed, so no case with a lower id can still
 * appear; the longest, a call's approval creating all its projects, takes seconds); {@code case_search_progress}
 * says per kind up to which id every case is in. The search reads the cases above that id directly, so a new case is
 * found at once. Nodes index one after another (the progress row is
 * locked), and a batch and its progress commit together, so a rerun indexes nothing twice.
 */
@Component
@EnableScheduling
public class CaseSearchIndex {

    /** Cases per transaction when indexing. */
    static final int BATCH = 500;
    private static final int ROWS_PER_INSERT = 500;

    /** Per kind: id, name, enterprise name and creation time of the cases above an id, oldest first. */
    private static final Map<String, String> TEXTS = Map.of(
            AuditCase.PROJECT, """
                    SELECT p.id, p.title, o.name, p.created_at FROM project p
                    JOIN organization o ON o.id = p.organization_id WHERE p.id > ? ORDER BY p.id LIMIT ?""",
            AuditCase.APPLICATION, """
                    SELECT a.id, a.title, o.name, a.created_at FROM application a
                    JOIN organization o ON o.id = a.applicant_id WHERE a.id > ? ORDER BY a.id LIMIT ?""",
            AuditCase.CLAIM, """
                    SELECT pc.id, pc.title, o.name, pc.created_at FROM policy_claim pc
                    JOIN organization o ON o.id = pc.organization_id WHERE pc.id > ? ORDER BY pc.id LIMIT ?""",
            AuditCase.CALL, """
                    SELECT fc.id, fc.title, o.name, fc.created_at FROM funding_call fc
                    LEFT JOIN organization o ON o.id = fc.owner_organization_id WHERE fc.id > ? ORDER BY fc.id LIMIT ?""");

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration settle;

    CaseSearchIndex(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, Clock clock,
            @Value("${rdfund.audit.search-index.settle:PT1M}") Duration settle) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.clock = clock;
        this.settle = settle;
    }

    @Scheduled(initialDelayString = "${rdfund.audit.search-index.every:PT15S}",
            fixedDelayString = "${rdfund.audit.search-index.every:PT15S}")
    void indexSettledCases() {
        indexCasesCreatedBefore(LocalDateTime.now(clock).minus(settle));
    }

    /** Indexes every not yet indexed case created before {@code cutoff}; answers how many. */
    public int indexCasesCreatedBefore(LocalDateTime cutoff) {
        int indexed = 0;
        for (String kind : TEXTS.keySet()) {
            int batch;
            do {
                Integer cases = transactions.execute(status -> indexNextBatch(kind, cutoff));
                batch = cases == null ? 0 : cases;
                indexed += batch;
            } while (batch == BATCH);
        }
        return indexed;
    }

    private int indexNextBatch(String kind, LocalDateTime cutoff) {
        long upTo = lockProgress(kind);
        List<Object[]> grams = new ArrayList<>();
        long last = upTo;
        int cases = 0;
        for (Map<String, Object> row : casesAbove(kind, upTo, BATCH)) {
            if (!createdAt(row).isBefore(cutoff)) {
                break; // newer cases stay above the progress mark, where the search reads them directly
            }
            last = ((Number) value(row, "id")).longValue();
            cases++;
            for (long gram : CaseGrams.of((String) value(row, "title"), (String) value(row, "name"))) {
                grams.add(new Object[] {gram, kind, last});
            }
        }
        insert(grams);
        if (last > upTo) {
            jdbc.sql("UPDATE case_search_progress SET up_to_id = ? WHERE kind = ?").params(last, kind).update();
        }
        return cases;
    }

    /**
     * After a case's name changed (a returned claim or application resubmitted under another name): its pairs become
     * those of the new name. A case above the progress mark is left alone: the search reads it directly, and the
     * background indexing takes its current name.
     */
    @Transactional
    public void renamed(String kind, long id, String previousTitle) {
        if (id > lockProgress(kind)) {
            return;
        }
        Map<String, Object> row = casesAbove(kind, id - 1, 1).stream().findFirst().orElse(null);
        if (row == null || ((Number) value(row, "id")).longValue() != id) {
            return;
        }
        String enterprise = (String) value(row, "name");
        List<Object[]> previous = new ArrayList<>();
        for (long gram : CaseGrams.of(previousTitle, enterprise)) {
            previous.add(new Object[] {gram, kind, id});
        }
        batches.batchUpdate("DELETE FROM case_search_gram WHERE gram = ? AND kind = ? AND case_id = ?", previous);
        List<Object[]> current = new ArrayList<>();
        for (long gram : CaseGrams.of((String) value(row, "title"), enterprise)) {
            current.add(new Object[] {gram, kind, id});
        }
        insert(current);
    }

    /** Per kind, the id up to which every case is indexed. */
    Map<String, Long> progress() {
        Map<String, Long> progress = new HashMap<>();
        jdbc.sql("SELECT kind, up_to_id FROM case_search_progress").query()
                .listOfRows().forEach(row -> progress.put((String) value(row, "kind"),
                        ((Number) value(row, "up_to_id")).longValue()));
        return progress;
    }

    /**
     * How many cases have each of these pairs, counted up to {@code cap} (so that a pair every case has costs no more
     * than {@code cap} index entries to count).
     */
    Map<Long, Integer> counts(Set<Long> grams, int cap) {
        List<Long> ordered = List.copyOf(grams);
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            selects.add("SELECT " + i + " AS i, COUNT(*) AS n FROM (SELECT 1 AS one FROM case_search_gram"
                    + " WHERE gram = ? LIMIT " + cap + ") g" + i);
        }
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql(String.join(" UNION ALL ", selects)).params(new ArrayList<>(ordered)).query().listOfRows()
                .forEach(row -> counts.put(ordered.get(((Number) value(row, "i")).intValue()),
                        ((Number) value(row, "n")).intValue()));
        return counts;
    }

    /** Per kind, the ids of the cases that have this pair. */
    Map<String, List<Long>> cases(long gram) {
        Map<String, List<Long>> cases = new HashMap<>();
        jdbc.sql("SELECT kind, case_id FROM case_search_gram WHERE gram = ?").param(gram).query().listOfRows()
                .forEach(row -> cases.computeIfAbsent((String) value(row, "kind"), kind -> new ArrayList<>())
                        .add(((Number) value(row, "case_id")).longValue()));
        return cases;
    }

    private long lockProgress(String kind) {
        return jdbc.sql("SELECT up_to_id FROM case_search_progress WHERE kind = ? FOR UPDATE").param(kind)
                .query(Long.class).single();
    }

    private List<Map<String, Object>> casesAbove(String kind, long id, int limit) {
        return jdbc.sql(TEXTS.get(kind)).params(id, limit).query().listOfRows();
    }

    /**
     * Inserts the rows as multi-row INSERTs of up to {@link #ROWS_PER_INSERT} rows: one statement for some 25 cases
     * instead of one per row (Connector/J sends a JDBC batch row by row unless rewriteBatchedStatements is on, which
     * RDFund leaves off for Camunda's sake: the engine reads each UPDATE's count to detect concurrent changes).
     */
    private void insert(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            List<Object> params = new ArrayList<>(3 * chunk.size());
            chunk.forEach(row -> params.addAll(List.of(row)));
            jdbc.sql("INSERT INTO case_search_gram (gram, kind, case_id) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?)"))).params(params).update();
        }
        rows.clear();
    }

    private static LocalDateTime createdAt(Map<String, Object> row) {
        Object value = value(row, "created_at");
        return value instanceof Timestamp time ? time.toLocalDateTime() : (LocalDateTime) value;
    }

    /** A column of a row, whatever case the database gives its label in. */
    private static Object value(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value != null || row.containsKey(column) ? value : row.get(column.toUpperCase());
    }
}
