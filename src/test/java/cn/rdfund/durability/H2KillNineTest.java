package cn.rdfund.durability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.ApplicationProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
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

    /** H2 writes every failed statement to a trace file beside the database, which must not grow in normal use. */
    @AfterEach
    void noColumnWasLookedUpByAWrongName() throws IOException {
        Path trace = workingDirectory.resolve("data/rdfund.trace.db");
        String traced = Files.exists(trace) ? new String(Files.readAllBytes(trace), StandardCharsets.ISO_8859_1) : "";
        assertThat(traced).as("data/rdfund.trace.db").doesNotContain("[42122-");
    }
}
