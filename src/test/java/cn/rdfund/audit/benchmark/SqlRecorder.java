package cn.rdfund.audit.benchmark;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.PreparedQuery;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Sees every statement the application sends to the database (Connector/J's {@code queryInterceptors}, named in the
 * benchmark's JDBC URL): while recording, it notes each statement's SQL, optionally with its parameters bound (for
 * EXPLAIN), and the time from sending it to having its result. Statements of all threads are recorded, so record
 * only while one request is under way.
 */
public final class SqlRecorder implements QueryInterceptor {

    /** One statement: its SQL with placeholders, with the values bound (null unless asked for), nanoseconds. */
    public record Executed(String sql, String boundSql, long nanos) {
    }

    private static volatile boolean recording;
    private static volatile boolean binding;
    private static final ConcurrentLinkedQueue<Executed> executed = new ConcurrentLinkedQueue<>();
    private static final ThreadLocal<Long> sentAt = new ThreadLocal<>();

    /** Starts a fresh recording; with {@code bind}, also the SQL with its parameter values. */
    public static void start(boolean bind) {
        executed.clear();
        binding = bind;
        recording = true;
    }

    /** Stops recording and hands over what was recorded, in order. */
    public static List<Executed> stop() {
        recording = false;
        List<Executed> result = new ArrayList<>(executed);
        executed.clear();
        return result;
    }

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        if (recording) {
            sentAt.set(System.nanoTime());
        }
        return null;
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T originalResultSet,
            ServerSession serverSession) {
        Long sent = sentAt.get();
        if (recording && sent != null) {
            long nanos = System.nanoTime() - sent;
            String text = query instanceof PreparedQuery prepared ? prepared.getOriginalSql() : sql == null ? "" : sql.get();
            String bound = binding ? (query instanceof PreparedQuery prepared ? prepared.asSql() : text) : null;
            executed.add(new Executed(text, bound, nanos));
        }
        sentAt.remove();
        return originalResultSet;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {
    }
}
