package cn.rdfund.support;

import cn.rdfund.support.ApplicationProcess.ThreadKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a server process and the database server have done up to a moment: the process's CPU time (also by what its
 * threads do) and the database server's global statement counters. Two of them subtracted
 * ({@link #since}) are the cost of what happened in between; the benchmarks take them while nothing else uses the
 * database server.
 */
public record ServerCost(Duration cpu, Map<ThreadKind, Duration> cpuByThreadKind, Map<String, Long> counters) {

    /** Statements of every kind, then the kinds the benchmarks report. */
    public static final List<String> COUNTERS = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_delete", "Com_commit", "Com_rollback", "Com_set_option");

    /** The servers' CPU time together, and the database server's counters. */
    public static ServerCost now(MySqlTestDatabase database, ApplicationProcess... servers) {
        Duration cpu = Duration.ZERO;
        Map<ThreadKind, Duration> byKind = new EnumMap<>(ThreadKind.class);
        for (ApplicationProcess server : servers) {
            Duration serverCpu = server.cpuTime();
            cpu = cpu.plus(serverCpu);
            Map<ThreadKind, Duration> named = server.cpuTimeByThreadKind();
            if (!named.isEmpty()) {
                named.forEach((kind, time) -> byKind.merge(kind, time, Duration::plus));
                byKind.merge(ThreadKind.OTHER, named.values().stream().reduce(serverCpu, Duration::minus),
                        Duration::plus);
            }
        }
        return new ServerCost(cpu, byKind, database.globalStatus(COUNTERS));
    }

    public ServerCost since(ServerCost earlier) {
        Map<String, Long> difference = new LinkedHashMap<>();
        counters.forEach((name, value) -> difference.put(name, value - earlier.counters.getOrDefault(name, 0L)));
        Map<ThreadKind, Duration> byKind = new EnumMap<>(ThreadKind.class);
        cpuByThreadKind.forEach((kind, time) -> byKind.put(kind,
                time.minus(earlier.cpuByThreadKind.getOrDefault(kind, Duration.ZERO))));
        return new ServerCost(cpu.minus(earlier.cpu), byKind, difference);
    }

    /** CPU time of the threads of that kind; zero where the system does not tell. */
    public Duration cpu(ThreadKind kind) {
        return cpuByThreadKind.getOrDefault(kind, Duration.ZERO);
    }

    public long count(String counter) {
        return counters.getOrDefault(counter, 0L);
    }
}
