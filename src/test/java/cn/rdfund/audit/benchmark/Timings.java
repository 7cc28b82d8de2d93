package cn.rdfund.audit.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The measurements of one variant: wall time, events and SQL statements per call, and the summary of them. */
public final class Timings {

    private final String name;
    private final List<Long> nanos = new ArrayList<>();
    private final List<Integer> events = new ArrayList<>();
    private final List<Integer> statements = new ArrayList<>();
    private final List<Long> databaseNanos = new ArrayList<>();

    public Timings(String name) {
        this.name = name;
    }

    public void add(long callNanos, int eventCount, List<SqlRecorder.Executed> executed) {
        nanos.add(callNanos);
        events.add(eventCount);
        statements.add(executed.size());
        databaseNanos.add(executed.stream().mapToLong(SqlRecorder.Executed::nanos).sum());
    }

    public static String header() {
        return String.format("%-44s %5s %17s %7s %7s %7s %7s %7s %10s %8s", "variant", "calls", "events min/avg/max",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms", "SQL/call", "in DB");
    }

    /** One line: count, events per timeline, p50/p95/p99/max/mean in ms, statements per call, share of time in SQL. */
    public String line() {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        double total = Arrays.stream(sorted).sum();
        double inDatabase = databaseNanos.stream().mapToLong(Long::longValue).sum();
        return String.format("%-44s %5d %17s %7.1f %7.1f %7.1f %7.1f %7.1f %10.1f %7.0f%%", name, sorted.length,
                events.stream().mapToInt(Integer::intValue).min().orElse(0) + "/"
                        + Math.round(events.stream().mapToInt(Integer::intValue).average().orElse(0)) + "/"
                        + events.stream().mapToInt(Integer::intValue).max().orElse(0),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, mean,
                statements.stream().mapToInt(Integer::intValue).average().orElse(0),
                total == 0 ? 0 : 100 * inDatabase / total);
    }

    /** Nearest rank, in milliseconds. */
    static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
