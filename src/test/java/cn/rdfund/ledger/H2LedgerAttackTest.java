package cn.rdfund.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The ledger attacks on the default profile's database: an H2 file, as the demo keeps under ./data/. */
class H2LedgerAttackTest extends LedgerAttackContract {

    @Override
    List<String> profiles() {
        return List.of("test", "demo");
    }

    @Override
    Map<String, String> datasource() {
        return Map.of("url", url(), "username", "sa", "password", "");
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "sa", "");
    }

    private static String url() {
        return "jdbc:h2:file:" + files.resolve("db/rdfund").toAbsolutePath() + ";MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=256";
    }
}
