package cn.rdfund.audit;

import cn.rdfund.audit.LedgerReport.Totals;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The projects or enterprises that paid out most, largest first (ties by id), as many as the report lists plus the
 * next one, which tells whether the list was cut. Since ledger lines are only added and every amount is positive, a
 * group's amount paid out never shrinks: after new lines only the groups they touch can move up, so the new ranking is
 * the old one with those groups' new totals, ranked again ({@link #with}).
 */
record LargestGroups(List<Group> ranked, int limit) {

    record Group(long id, String name, Totals totals) {
    }

    private static final Comparator<Group> LARGEST_FIRST = Comparator
            .comparing((Group group) -> group.totals().disbursed()).reversed().thenComparingLong(Group::id);

    static LargestGroups of(Collection<Group> groups, int limit) {
        return new LargestGroups(groups.stream().sorted(LARGEST_FIRST).limit(limit + 1L).toList(), limit);
    }

    /** The ranking after new lines: {@code touched} holds the whole totals of every group the new lines belong to. */
    LargestGroups with(Collection<Group> touched) {
        Map<Long, Group> byId = Stream.concat(ranked.stream(), touched.stream())
                .collect(Collectors.toMap(Group::id, Function.identity(), (before, after) -> after));
        return of(byId.values(), limit);
    }

    /** The listed groups' totals by name, largest first. */
    Map<String, Totals> totals() {
        Map<String, Totals> totals = new LinkedHashMap<>();
        ranked.stream().limit(limit).forEach(group -> totals.put(group.name(), group.totals()));
        return Collections.unmodifiableMap(totals);
    }

    boolean cut() {
        return ranked.size() > limit;
    }
}
