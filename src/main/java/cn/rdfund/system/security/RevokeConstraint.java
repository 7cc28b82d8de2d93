package cn.rdfund.system.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A check constraint on Camunda's {@code ACT_RU_AUTHORIZATION} that lets only {@link AuthorizationChecksPlugin#REVOKE_HOLDERS}
 * hold revokes, whoever writes the row: the engine, another node, a restored backup or plain SQL. Only with it in
 * place do the authorization checks take "is the caller an auditor?" for "does the caller hold a revoke?". Made when
 * the engine starts (after Camunda's tables exist) unless it is there; engine-specific, like
 * {@link AuthorizationCheckIndexes}.
 */
final class RevokeConstraint {

    static final String NAME = "RDF_CHK_AUTH_REVOKE";

    private RevokeConstraint() {
    }

    static String condition() {
        String holders = AuthorizationChecksPlugin.REVOKE_HOLDERS.stream().sorted().map(g -> "'" + g + "'")
                .collect(Collectors.joining(", "));
        return "TYPE_ <> 2 OR (USER_ID_ IS NULL AND GROUP_ID_ IS NOT NULL AND GROUP_ID_ IN (" + holders + "))";
    }

    /** Makes the constraint unless it is there; whether it is there afterwards. */
    static boolean ensure(Connection connection, String table) throws SQLException {
        if (present(connection, table)) {
            return true;
        }
        // Adding it reads the table once.
        SchemaChange.withShortLockWait(connection, () -> {
            try {
                SchemaChange.execute(connection, "ALTER TABLE " + table + " ADD CONSTRAINT " + NAME + " CHECK ("
                        + condition() + ")");
            } catch (SQLException e) {
                // Another node starting at the same moment may have made it first.
                if (!present(connection, table)) {
                    throw e;
                }
            }
        });
        return present(connection, table);
    }

    /** Whether the database enforces it (MySQL before 8.0.16 accepts a check constraint and forgets it). */
    static boolean present(Connection connection, String table) throws SQLException {
        String schema = SchemaChange.isMySql(connection) ? "DATABASE()" : "CURRENT_SCHEMA";
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                + " WHERE TABLE_SCHEMA = " + schema + " AND UPPER(TABLE_NAME) = ? AND UPPER(CONSTRAINT_NAME) = ?"
                + " AND CONSTRAINT_TYPE = 'CHECK'")) {
            query.setString(1, table.toUpperCase(Locale.ROOT));
            query.setString(2, NAME);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }

    static void drop(Connection connection, String table) throws SQLException {
        SchemaChange.execute(connection, "ALTER TABLE " + table + " DROP CONSTRAINT " + NAME);
    }
}
