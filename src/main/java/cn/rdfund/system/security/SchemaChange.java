package cn.rdfund.system.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What RDFund's additions to Camunda's tables at start share ({@link AuthorizationCheckIndexes}, {@link RevokeConstraint}). */
final class SchemaChange {

    interface Work {
        void run() throws SQLException;
    }

    private SchemaChange() {
    }

    /**
     * Runs DDL that waits at most 30 s for a table's lock on MariaDB and MySQL (not a year, their default, behind a
     * long transaction holding it), then gives the connection back to the pool with the default again.
     */
    static void withShortLockWait(Connection connection, Work work) throws SQLException {
        boolean mysql = isMySql(connection);
        if (mysql) {
            execute(connection, "SET SESSION lock_wait_timeout = 30");
        }
        try {
            work.run();
        } finally {
            if (mysql) {
                execute(connection, "SET SESSION lock_wait_timeout = DEFAULT");
            }
        }
    }

    static boolean isMySql(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product.contains("MySQL") || product.contains("MariaDB");
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
