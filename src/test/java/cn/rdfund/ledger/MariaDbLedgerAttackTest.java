package cn.rdfund.ledger;

import cn.rdfund.support.MySqlTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/**
 * The ledger attacks on MariaDB/MySQL in the production profile, in a database of its own. The attacker is a
 * database administrator: the append-only triggers (V2) go first.
 */
@Tag("mariadb")
class MariaDbLedgerAttackTest extends LedgerAttackContract {

    private static final MySqlTestDatabase database = MySqlTestDatabase.fromEnvironment();

    @Override
    List<String> profiles() {
        return List.of("mysql", "demo");
    }

    @Override
    Map<String, String> datasource() {
        return Map.of("url", database.jdbcUrl(), "username", database.user(), "password", database.password());
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    @Override
    void beforeFirstStart() {
        database.create();
        database.runCamundaCreateScripts();
    }

    @Override
    void afterLastStop() {
        database.drop();
    }

    @Override
    void attackerDropsTheSafeguards(Statement sql) throws SQLException {
        sql.execute("DROP TRIGGER ledger_entry_no_update");
        sql.execute("DROP TRIGGER ledger_entry_no_delete");
    }
}
