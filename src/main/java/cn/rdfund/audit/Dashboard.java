package cn.rdfund.audit;

import cn.rdfund.bureau.LeadUnit;
import cn.rdfund.organization.District;
import cn.rdfund.system.Rows;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The auditors' dashboard figures: funds approved and disbursed by measure, district, technology area and year,
 * projects by stage, overdue deadlines and progress against the policy's 2025 goals. Amounts in yuan; the page
 * shows 万元. Adding them up reads every project and ledger line (about 0.7 s at 100,000 cases), so the figures are
 * kept and say when they were added up (统计时间); the ledger report's totals are always up to date. A call answers
 * with the kept figures at once; when they are older than {@code rdfund.audit.dashboard.kept-for} (a minute), it also
 * has them added up again in the background for the calls after it. Figures nobody asked for in
 * {@link #DROPPED_AFTER} times that long are dropped, and the next call waits for new ones.
 */
@Component
@EnableConfigurationProperties(AuditGoals.class)
class Dashboard {

    /** Projects that were decided (not merely proposed or withdrawn) count as approved funds. */
    /** The project statuses the figures leave out (and the drill-down's case search too). */
    static final String UNFUNDED = "'PROPOSED', 'WITHDRAWN'";
    private static final String FUNDED = "p.status NOT IN (" + UNFUNDED + ")";
    private static final String PAID = """
            LEFT JOIN (SELECT project_id,
                SUM(CASE WHEN kind = 'DISBURSEMENT' THEN amount ELSE 0 END) AS disbursed,
                SUM(CASE WHEN kind = 'REPAYMENT' THEN amount ELSE 0 END) AS repaid
              FROM ledger_entry GROUP BY project_id) l ON l.project_id = p.id""";

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcClient jdbc;
    private final AuditGoals goals;
    private final OverdueTasks overdueTasks;
    private final Clock clock;
    /** Kept figures unread this many times {@code kept-for} are dropped rather than shown once more. */
    static final int DROPPED_AFTER = 10;

    private final LoadingCache<Scope, Figures> kept;

    @Autowired
    Dashboard(JdbcClient jdbc, AuditGoals goals, OverdueTasks overdueTasks, Clock clock,
            @Value("${rdfund.audit.dashboard.kept-for:PT1M}") Duration keptFor) {
        this(jdbc, goals, overdueTasks, clock, keptFor, ForkJoinPool.commonPool());
    }

    /** {@code refreshes}: where aged figures are added up again. */
    Dashboard(JdbcClient jdbc, AuditGoals goals, OverdueTasks overdueTasks, Clock clock, Duration keptFor,
            Executor refreshes) {
        this.jdbc = jdbc;
        this.goals = goals;
        this.overdueTasks = overdueTasks;
        this.clock = clock;
        this.kept = keptFor.isZero() ? null
                : Caffeine.newBuilder().maximumSize(16).refreshAfterWrite(keptFor)
                        .expireAfterWrite(keptFor.multipliedBy(DROPPED_AFTER)).executor(refreshes).build(this::addUp);
    }

    /** {@code drill}: the case search that lists the bucket's projects (null where the search has no such filter). */
    record Bucket(String label, long projects, BigDecimal approved, BigDecimal disbursed, BigDecimal repaid,
            String drill) {

        Bucket withLabel(String shown, String search) {
            return new Bucket(shown, projects, approved, disbursed, repaid, search);
        }
    }

    record Overdue(String what, String project, String due, String owner) {
    }

    record GoalProgress(String name, String published, int target, long achieved) {
    }

    /** {@code asOf}: when the figures were added up (yyyy-MM-dd HH:mm:ss, Beijing time). */
    record Figures(List<Bucket> byMeasure, List<Bucket> byDistrict, List<Bucket> byArea, List<Bucket> byYear,
            Map<String, Long> projectsByStage, List<Overdue> overdue, List<GoalProgress> goals, String asOf,
            String scope) {
    }

    /** Whose projects the figures count: every unit's ({@code units} null), or those led by these units. */
    private record Scope(LocalDate day, Set<String> units) {

        /** The project's lead unit: its call's, its challenge's call's, or its claim's (as the case search has it). */
        private static final String PROJECT_UNIT = " AND COALESCE((SELECT fcu.lead_unit FROM funding_call fcu"
                + " WHERE fcu.id = p.call_id), (SELECT cc.lead_unit FROM challenge ch JOIN funding_call cc"
                + " ON cc.id = ch.call_id WHERE ch.project_id = p.id ORDER BY ch.id LIMIT 1), (SELECT pc.lead_unit"
                + " FROM policy_claim pc WHERE pc.project_id = p.id ORDER BY pc.id LIMIT 1)) IN (:units)";

        String filter() {
            return units == null ? "" : PROJECT_UNIT;
        }

        <T extends org.springframework.jdbc.core.simple.JdbcClient.StatementSpec> T bind(T statement) {
            if (units != null) {
                statement.param("units", units.isEmpty() ? List.of("-") : List.copyOf(units));
            }
            return statement;
        }

        String label() {
            return units == null ? "全部单位" : units.isEmpty() ? "（无所属处室）" : units.stream().sorted()
                    .map(LeadUnit::displayNameOf).collect(Collectors.joining("、"));
        }
    }

    /** The funded projects of one measure, district and year, with their money. */
    private record Cell(String measure, String district, String createdYear, long projects, BigDecimal approved,
            BigDecimal disbursed, BigDecimal repaid) {
    }

    /**
     * The figures, added up or as kept, with the overdue tasks the caller may see (a task query as the caller: never
     * kept, so that nobody sees another's).
     */
    Figures figures(LocalDate today, Optional<Set<String>> units) {
        Scope scope = new Scope(today, units.orElse(null));
        Figures figures = kept == null ? addUp(scope) : kept.get(scope);
        List<Overdue> overdue = new ArrayList<>(figures.overdue());
        overdue.addAll(overdueTasks.list());
        return new Figures(figures.byMeasure(), figures.byDistrict(), figures.byArea(), figures.byYear(),
                figures.projectsByStage(), overdue, figures.goals(), figures.asOf(), figures.scope());
    }

    /** Every figure that reads only RDFund's tables, the same for every caller; overdue: the milestones. */
    private Figures addUp(Scope scope) {
        String asOf = LocalDateTime.now(clock).format(AS_OF);
        // One pass over the projects and the ledger for measure, district and year, added up here per dimension.
        List<Cell> cells = scope.bind(jdbc.sql("SELECT p.measure, o.district, YEAR(p.created_at) AS created_year,"
                + " COUNT(*) AS projects, SUM(p.approved_amount) AS approved,"
                + " COALESCE(SUM(l.disbursed), 0) AS disbursed, COALESCE(SUM(l.repaid), 0) AS repaid"
                + " FROM project p JOIN organization o ON o.id = p.organization_id " + PAID + " WHERE " + FUNDED
                + scope.filter() + " GROUP BY p.measure, o.district, YEAR(p.created_at)"))
                .query(Rows.of(Cell.class)).list();
        List<Bucket> byDistrict = rollUp(cells, Cell::district).stream()
                .map(b -> b.label() == null ? b.withLabel("未填", null)
                        : b.withLabel(District.displayNameOf(b.label()), "kind=project&funded=true&district=" + b.label()))
                .toList();
        List<Bucket> byMeasure = rollUp(cells, Cell::measure).stream()
                .map(b -> b.withLabel(b.label(), "kind=project&funded=true&measure=" + b.label())).toList();
        List<Bucket> byYear = rollUp(cells, Cell::createdYear).stream()
                .map(b -> b.withLabel(b.label(), "kind=project&funded=true&year=" + b.label())).toList();
        return new Figures(byMeasure, byDistrict, byArea(scope), byYear, stages(scope),
                overdueMilestones(scope), progress(scope), asOf, scope.label());
    }

    /** The cells added up per label, ordered by it (none first, as the database orders them). */
    private static List<Bucket> rollUp(List<Cell> cells, Function<Cell, String> label) {
        Map<String, Bucket> buckets = new TreeMap<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        for (Cell cell : cells) {
            String key = label.apply(cell);
            buckets.merge(key, new Bucket(key, cell.projects(), cell.approved(), cell.disbursed(), cell.repaid(), null),
                    (a, b) -> new Bucket(key, a.projects() + b.projects(), a.approved().add(b.approved()),
                            a.disbursed().add(b.disbursed()), a.repaid().add(b.repaid()), null));
        }
        return new ArrayList<>(buckets.values());
    }

    /** A funded project's money and one of its call's technology areas (none: the project has no call areas). */
    private record AreaRow(long projectId, String area, BigDecimal approved, BigDecimal disbursed, BigDecimal repaid) {
    }

    /**
     * By technology area: a project's call may name several areas and the project has none of its own, so its money
     * is split evenly between them (EvenSplit), and every area counts the project. The amounts add up to the
     * other charts' and the ledger's.
     */
    private List<Bucket> byArea(Scope scope) {
        List<AreaRow> rows = scope.bind(jdbc.sql("SELECT p.id AS project_id, a.area, COALESCE(p.approved_amount, 0) AS approved,"
                + " COALESCE(l.disbursed, 0) AS disbursed, COALESCE(l.repaid, 0) AS repaid FROM project p"
                + " LEFT JOIN funding_call_area a ON a.call_id = p.call_id " + PAID + " WHERE " + FUNDED
                + scope.filter() + " ORDER BY p.id, a.area")).query(Rows.of(AreaRow.class)).list();
        Map<String, Bucket> byArea = new TreeMap<>();
        rows.stream().collect(Collectors.groupingBy(AreaRow::projectId, LinkedHashMap::new, Collectors.toList()))
                .values().forEach(areas -> {
                    AreaRow project = areas.get(0);
                    List<BigDecimal> approved = EvenSplit.of(project.approved(), areas.size());
                    List<BigDecimal> disbursed = EvenSplit.of(project.disbursed(), areas.size());
                    List<BigDecimal> repaid = EvenSplit.of(project.repaid(), areas.size());
                    for (int i = 0; i < areas.size(); i++) {
                        String area = areas.get(i).area() == null ? "未填" : areas.get(i).area();
                        Bucket share = new Bucket(area, 1, approved.get(i), disbursed.get(i), repaid.get(i), null);
                        byArea.merge(area, share, (a, b) -> new Bucket(area, a.projects() + 1,
                                a.approved().add(b.approved()), a.disbursed().add(b.disbursed()),
                                a.repaid().add(b.repaid()), null));
                    }
                });
        return byArea.values().stream().map(b -> b.label().equals("未填") ? b : b.withLabel(b.label(),
                "kind=project&funded=true&area=" + URLEncoder.encode(b.label(), StandardCharsets.UTF_8))).toList();
    }

    private Map<String, Long> stages(Scope scope) {
        record Stage(String status, long projects) {
        }
        return scope.bind(jdbc.sql("SELECT p.status, COUNT(*) AS projects FROM project p WHERE 1 = 1" + scope.filter()
                        + " GROUP BY p.status ORDER BY p.status")).query(Rows.of(Stage.class)).list().stream()
                .collect(Collectors.toMap(stage -> CaseWords.status(stage.status()), Stage::projects, Long::sum,
                        TreeMap::new));
    }

    private List<Overdue> overdueMilestones(Scope scope) {
        record Milestone(String title, String code, String projectTitle, LocalDate dueDate, String owner) {
        }
        return scope.bind(jdbc.sql("""
                SELECT m.title, p.code, p.title AS project_title, m.due_date, o.name AS owner
                FROM milestone m JOIN project p ON p.id = m.project_id JOIN organization o ON o.id = p.organization_id
                WHERE m.status = 'PLANNED' AND m.due_date < :today AND p.status IN ('IN_PROGRESS', 'RECTIFYING')"""
                + scope.filter() + " ORDER BY m.due_date")).param("today", scope.day()).query(Rows.of(Milestone.class))
                .list().stream()
                .map(m -> new Overdue("里程碑：" + m.title(), m.code() + " " + m.projectTitle(), m.dueDate().toString(),
                        m.owner()))
                .toList();
    }

    private List<GoalProgress> progress(Scope scope) {
        return goals.goals().stream().filter(goal -> !goal.measures().isEmpty() && !goal.statuses().isEmpty())
                .map(goal -> new GoalProgress(goal.name(), goal.published(), goal.target(),
                scope.bind(jdbc.sql("SELECT COUNT(" + (goal.countEnterprises() ? "DISTINCT p.organization_id" : "*")
                        + ") FROM project p WHERE p.measure IN (:measures) AND p.status IN (:statuses)" + scope.filter()))
                        .param("measures", goal.measures()).param("statuses", goal.statuses())
                        .query(Long.class).single())).toList();
    }
}
