package cn.rdfund;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module (call, application, review, ledger, …). Modules use each
 * other only through their top-level package or a declared named interface, and never in a cycle.
 */
class ModuleStructureTest {

    @Test
    void modulesUseEachOtherOnlyThroughTheirPublicPackagesAndWithoutCycles() {
        ApplicationModules.of(RdfundApplication.class).verify();
    }
}
