package cn.rdfund.durability;

import cn.rdfund.support.ApplicationProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default profile as shipped (no profile chosen: {@code demo}, the H2 file database {@code ./data/rdfund}), in an
 * empty working directory of its own that is deleted afterwards.
 */
class H2KillNineTest extends KillNineContract {

    @TempDir
    Path workingDirectory;

    @Override
    ApplicationProcess startApplication(String run) {
        return ApplicationProcess.start(workingDirectory, "kill-nine-h2-" + run, QUICK_RUN);
    }
}
