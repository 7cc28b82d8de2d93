package cn.rdfund.durability;

import cn.rdfund.support.ApplicationProcess;
import cn.rdfund.support.MySqlTestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production profile ({@code mysql}, with the demo users) on the MariaDB/MySQL server of this machine, in a
 * database of its own with Camunda's tables from Camunda's scripts, dropped afterwards. Runs with
 * {@code ./mvnw -Pmariadb test}.
 */
@Tag("mariadb")
class MariaDbKillNineTest extends KillNineContract {

    private final MySqlTestDatabase database = MySqlTestDatabase.fromEnvironment();

    @TempDir
    Path workingDirectory;

    @BeforeEach
    void freshDatabase() {
        database.create();
        database.runCamundaCreateScripts();
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Override
    ApplicationProcess startApplication(String run) {
        List<String> arguments = new ArrayList<>(QUICK_RUN);
        arguments.addAll(database.datasourceArguments());
        arguments.addAll(List.of("--spring.profiles.active=mysql,demo",
                "--logging.file.name=" + workingDirectory.resolve("rdfund.log")));
        return ApplicationProcess.start(workingDirectory, "kill-nine-mariadb-" + run, arguments);
    }
}
