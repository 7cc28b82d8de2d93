package cn.rdfund.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A throw-away database on the MySQL/MariaDB server named by RDFUND_TEST_MYSQL_URL (default
 * jdbc:mysql://127.0.0.1:3306/, user root, empty password), with the production connection settings.
 */
public final class MySqlTestDatabase {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private MySqlTestDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** A database of its own on the test server, to be created. */
    public static MySqlTestDatabase fromEnvironment() {
        return named("rdfund_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /** A database on the test server by name (one a benchmark kept, for example). */
    public static MySqlTestDatabase named(String name) {
        return new MySqlTestDatabase(
                System.getenv().getOrDefault("RDFUND_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/"),
                System.getenv().getOrDefault("RDFUND_TEST_MYSQL_USER", "root"),
                System.getenv().getOrDefault("RDFUND_TEST_MYSQL_PASSWORD", ""), name);
    }

    public String jdbcUrl() {
        return serverUrl + name
                + "?characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true&nullDatabaseMeansCurrent=true";
    }

    /** The Spring Boot arguments that point an application at this database. */
    public List<String> datasourceArguments() {
        return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public void create() {
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    public void drop() {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    /** Camunda's MySQL scripts, from the camunda-engine jar, in the order Camunda's distribution runs them. */
    public void runCamundaCreateScripts() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password)) {
            for (String part : List.of("engine", "history", "identity", "case.engine", "case.history",
                    "decision.engine", "decision.history")) {
                ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                        "org/camunda/bpm/engine/db/create/activiti.mysql.create." + part + ".sql"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create Camunda's tables in " + name, e);
        }
    }

    /** The server's global status counters of these names (e.g. Questions, Com_commit): what all its clients did. */
    public Map<String, Long> globalStatus(List<String> names) {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(serverUrl + "?useSSL=false&allowPublicKeyRetrieval=true",
                user, password); Statement statement = connection.createStatement();
                ResultSet status = statement.executeQuery("SHOW GLOBAL STATUS")) {
            while (status.next()) {
                if (names.contains(status.getString(1))) {
                    values.put(status.getString(1), status.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the global status of " + serverUrl, e);
        }
        return values;
    }

    /** Every table of this database with its number of rows (counted, not InnoDB's estimate), largest first. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("SHOW TABLES")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rows of " + name, e);
        }
        Map<String, Long> largestFirst = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> largestFirst.put(entry.getKey(), entry.getValue()));
        return largestFirst;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "?useSSL=false&allowPublicKeyRetrieval=true",
                user, password); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the MySQL/MariaDB test server at " + serverUrl
                    + " (see .ci/ensure-mariadb): " + sql, e);
        }
    }
}
