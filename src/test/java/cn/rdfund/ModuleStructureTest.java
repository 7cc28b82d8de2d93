package cn.rdfund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module (call, application, review, ledger, …). Modules use each other only through
 * their top-level package or a declared named interface, and never in a cycle; and only along the arrows that
 * docs/architecture.md draws: a new dependency between modules is a decision, made by redrawing the picture.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(RdfundApplication.class);
    private static final String BEGIN = "<!-- modules:begin (rendered by ModuleStructureTest) -->";
    private static final String END = "<!-- modules:end -->";

    @Test
    void modulesUseEachOtherOnlyThroughTheirPublicPackagesAndWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void modulesDependOnEachOtherOnlyAsTheArchitecturePictureDraws() throws IOException {
        String docs = Files.readString(Path.of("docs/architecture.md"), StandardCharsets.UTF_8);
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        String rendered = render(MODULES);

        assertThat(begin).as("docs/architecture.md has the marker " + BEGIN).isNotNegative();
        assertThat(docs.substring(begin + BEGIN.length(), end).strip())
                .as("docs/architecture.md's module picture; paste this between the markers:\n" + rendered)
                .isEqualTo(rendered.strip());
    }

    /** Top-down: a module is drawn above everything it uses; system, the engine's edge, is used by most. */
    static String render(ApplicationModules modules) {
        StringBuilder mermaid = new StringBuilder("```mermaid\nflowchart TD\n");
        modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> {
            String targets = module.getDirectDependencies(modules).uniqueModules()
                    .map(ApplicationModule::getName).filter(name -> !name.equals(module.getName()))
                    .sorted().collect(Collectors.joining(" & "));
            mermaid.append("    ").append(module.getName());
            if (!targets.isEmpty()) {
                mermaid.append(" --> ").append(targets);
            }
            mermaid.append('\n');
        });
        return mermaid.append("```\n").toString();
    }
}
