package cn.rdfund.system.security;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two indexes on Camunda's {@code ACT_RU_AUTHORIZATION} that Camunda's scripts do not create, made when the engine
 * starts if they are missing (after Camunda has created its tables; a database administrator may create them
 * beforehand, docs/operations.md). Every authorized query joins the caller's grants of the resource types it checks
 * ({@code (USER_ID_ = ? OR GROUP_ID_ IN (…)) AND RESOURCE_TYPE_ = …}); Camunda's own keys start with the grant's type
 * after the user or group, so MariaDB and MySQL read every grant of auditors, finance and a unit, which grow by one
 * per finished case ({@link CaseReadGrants}: the historic-instance grants kept for the audit). With the resource type
 * right after the user or group, such a query reads only the grants of the type it checks. Engine-specific.
 */
@Component
class AuthorizationCheckIndexes extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCheckIndexes.class);

    static final String TABLE = "ACT_RU_AUTHORIZATION";
    static final Map<String, String> INDEXES = new LinkedHashMap<>();

    static {
        INDEXES.put("RDF_IDX_AUTH_GROUP_RES", "GROUP_ID_, RESOURCE_TYPE_, TYPE_");
        INDEXES.put("RDF_IDX_AUTH_USER_RES", "USER_ID_, RESOURCE_TYPE_, TYPE_");
    }

    /** An index only makes checks faster: when it cannot be made, RDFund starts anyway and says so. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String table = configuration.getDatabaseTablePrefix() + TABLE;
        try (Connection connection = configuration.getDataSource().getConnection()) {
            create(connection, table);
        } catch (SQLException e) {
            LOG.warn("Could not create the authorization-check indexes on {} ({}); authorization checks read every"
                    + " grant of a group until a database administrator creates them (docs/operations.md)", table,
                    e.getMessage());
        }
    }

    static void create(Connection connection, String table) throws SQLException {
        SchemaChange.withShortLockWait(connection, () -> createMissing(connection, table));
    }

    private static void createMissing(Connection connection, String table) throws SQLException {
        Set<String> present = indexesOf(connection, table);
        for (Map.Entry<String, String> index : INDEXES.entrySet()) {
            if (present.contains(index.getKey().toUpperCase(Locale.ROOT))) {
                continue;
            }
            try {
                SchemaChange.execute(connection, "CREATE INDEX " + index.getKey() + " ON " + table + " ("
                        + index.getValue() + ")");
            } catch (SQLException e) {
                // Another node starting at the same moment may have made it first.
                if (!indexesOf(connection, table).contains(index.getKey().toUpperCase(Locale.ROOT))) {
                    throw e;
                }
            }
        }
    }

    static Set<String> indexesOf(Connection connection, String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        DatabaseMetaData metaData = connection.getMetaData();
        // Unquoted names are kept as written by MariaDB and MySQL, upper-cased by H2.
        Set<String> spellings = new LinkedHashSet<>(
                List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)));
        for (String candidate : spellings) {
            try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), candidate,
                    false, true)) {
                while (rows.next()) {
                    String name = rows.getString("INDEX_NAME");
                    if (name != null) {
                        names.add(name.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
