package cn.rdfund.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case search's index ({@link CaseGrams}: the Chinese character pairs and characters of each case's name and
 * enterprise name, and from each letter or digit of those, its code and credit code the three that start there).
 * Cases enter it in the background, oldest first, once they are {@code rdfund.audit.search-index.settle} old (a
 * minute: by then the transaction that created a case has long committed, so no case with a lower id can still
 * appear; the longest, a call's approval creating all its projects, takes seconds); {@code case_search_progress}
 * says per kind up to which id every case is in. The search reads the cases above that id directly, so a new case is
 * found at once. Nodes index one after another (the progress row is locked), and a batch and its progress commit
 * together, so a rerun indexes nothing twice. A case's name and enterprise are read through {@link CaseIndex}'s
 * SELECT for its kind, the one the search reads.
 */
@Component
@EnableScheduling
public class CaseSearchIndex {

    /** Cases per transaction when indexing. */
    static final int BATCH = 500;
    private static final int ROWS_PER_INSERT = 500;

    /** A case's text as indexed: its name, its enterprise's name, its code and the enterprise's credit code. */
    private record CaseText(long id, String title, String enterprise, String code, String creditCode,
            LocalDateTime createdAt) {

        Set<Long> grams() {
            return CaseGrams.ofCase(title, enterprise, code, creditCode);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration settle;

    CaseSearchIndex(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
            @Value("${rdfund.audit.search-index.settle:PT1M}") Duration settle) {
        this.jdbc = jdbc;
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
        for (String kind : CaseIndex.KINDS.keySet()) {
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
        for (CaseText text : texts(kind, " WHERE c.id > ? ORDER BY c.id LIMIT " + BATCH, upTo)) {
            if (!text.createdAt().isBefore(cutoff)) {
                break; // newer cases stay above the progress mark, where the search reads them directly
            }
            last = text.id();
            cases++;
            text.grams().forEach(gram -> grams.add(new Object[] {gram, kind, text.id()}));
        }
        insert(grams);
        if (last > upTo) {
            jdbc.sql("UPDATE case_search_progress SET up_to_id = ? WHERE kind = ?").params(last, kind).update();
        }
        return cases;
    }

    /**
     * After a case's name changed (a returned claim or application resubmitted under another name): its index entries
     * become those of the new name. A case above the progress mark is left alone: the search reads it directly, and the
     * background indexing takes its current name.
     */
    @Transactional
    public void renamed(String kind, long id, String previousTitle) {
        if (id > lockProgress(kind)) {
            return;
        }
        for (CaseText text : texts(kind, " WHERE c.id = ?", id)) {
            // The current ones as well: an enterprise renamed by hand may have left rows the new name has again.
            Set<Long> grams = text.grams();
            Set<Long> stale = new LinkedHashSet<>(
                    CaseGrams.ofCase(previousTitle, text.enterprise(), text.code(), text.creditCode()));
            stale.addAll(grams);
            List<Object> params = new ArrayList<>(stale);
            params.addAll(List.of(kind, id));
            jdbc.sql("DELETE FROM case_search_gram WHERE gram IN (" + String.join(", ",
                    Collections.nCopies(stale.size(), "?")) + ") AND kind = ? AND case_id = ?")
                    .params(params).update();
            List<Object[]> current = new ArrayList<>();
            grams.forEach(gram -> current.add(new Object[] {gram, kind, id}));
            insert(current);
        }
    }

    /** Per kind, the id up to which every case is indexed. */
    Map<String, Long> progress() {
        return jdbc.sql("SELECT kind, up_to_id FROM case_search_progress")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * How many index rows each of these numbers or ranges has, counted up to {@code cap} (so that one every case has
     * costs no more than {@code cap} index entries to count); a case has at most a few rows in a range.
     */
    Map<CaseGrams.Range, Integer> counts(Set<CaseGrams.Range> ranges, int cap) {
        List<CaseGrams.Range> ordered = List.copyOf(ranges);
        List<String> selects = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            selects.add("SELECT " + i + " AS i, COUNT(*) AS n FROM (SELECT 1 AS one FROM case_search_gram"
                    + " WHERE gram BETWEEN ? AND ? LIMIT " + cap + ") g" + i);
            params.addAll(List.of(ordered.get(i).from(), ordered.get(i).to()));
        }
        return jdbc.sql(String.join(" UNION ALL ", selects)).params(params)
                .query((rs, n) -> Map.entry(ordered.get(rs.getInt(1)), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Per kind, the ids of the cases that have a number in this range. */
    Map<String, List<Long>> cases(CaseGrams.Range range) {
        return jdbc.sql("SELECT DISTINCT kind, case_id FROM case_search_gram WHERE gram BETWEEN ? AND ?")
                .params(range.from(), range.to())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private long lockProgress(String kind) {
        return jdbc.sql("SELECT up_to_id FROM case_search_progress WHERE kind = ? FOR UPDATE").param(kind)
                .query(Long.class).single();
    }

    /** The texts of the cases of that kind (CaseIndex's SELECT for it) the condition picks. */
    private List<CaseText> texts(String kind, String condition, long id) {
        return jdbc.sql("SELECT c.id, c.title, c.organization_name, c.code, c.uscc, c.created_at FROM ("
                        + CaseIndex.KINDS.get(kind) + ") c" + condition).param(id)
                .query((rs, n) -> new CaseText(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toLocalDateTime())).list();
    }

    /**
     * Inserts the rows as multi-row INSERTs of up to {@link #ROWS_PER_INSERT} rows: one statement for some 25 cases
     * instead of one per row, on every database (only Connector/J rewrites a JDBC batch into one, and only with the
     * mysql profile's rewriteBatchedStatements).
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
}
