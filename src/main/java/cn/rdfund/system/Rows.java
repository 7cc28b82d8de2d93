package cn.rdfund.system;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Rows read into records with {@code JdbcClient}. Spring's mappers for records ({@code query(Record.class)},
 * {@code DataClassRowMapper}) look each camelCase component up as a column first and fall back to snake_case when the
 * driver throws: one SQLException per such column and row, which costs time on every driver and which H2 also writes
 * to its trace file (data/rdfund.trace.db grew by megabytes an hour in the demo). This mapper matches components to
 * the columns the result has (projectId to project_id or projectId, in any case) without asking for a missing one.
 */
public final class Rows {

    private static final Map<Class<?>, RowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends Record> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.computeIfAbsent(type, RecordRows::new);
    }

    private static String normalized(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static final class RecordRows<T> implements RowMapper<T> {

        private final RecordComponent[] components;
        private final Constructor<T> constructor;

        RecordRows(Class<T> type) {
            components = type.getRecordComponents();
            try {
                constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException(type + " has no canonical constructor", impossible);
            }
            constructor.setAccessible(true);
        }

        @Override
        public T mapRow(ResultSet rows, int rowNumber) throws SQLException {
            ResultSetMetaData meta = rows.getMetaData();
            Map<String, Integer> columns = new HashMap<>();
            for (int column = meta.getColumnCount(); column >= 1; column--) {
                columns.put(normalized(JdbcUtils.lookupColumnName(meta, column)), column);
            }
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                Integer column = columns.get(normalized(components[i].getName()));
                if (column == null) {
                    throw new IllegalStateException("No column for " + components[i] + " in " + columns.keySet());
                }
                Class<?> type = components[i].getType();
                values[i] = DefaultConversionService.getSharedInstance()
                        .convert(JdbcUtils.getResultSetValue(rows, column, type), type);
            }
            try {
                return constructor.newInstance(values);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot build " + constructor.getDeclaringClass().getSimpleName(), e);
            }
        }
    }
}
