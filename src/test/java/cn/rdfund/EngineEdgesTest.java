package cn.rdfund;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/**
 * Camunda's internals ({@code org.camunda.bpm.engine.impl}: plugins, parse listeners, command interceptors) are
 * used only by {@code system}, the engine's edge, so that the next engine release or a move to Operaton touches
 * one package (docs/operaton.md). Feature modules use the engine's public API and their delegates; running engine
 * calls as the system (which holds the caller's {@code impl.identity.Authentication}) is {@code system.tasks.AsSystem}.
 */
class EngineEdgesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.rdfund");

    @Test
    void onlyTheSystemPackageUsesTheEnginesInternals() {
        noClasses().that().resideOutsideOfPackage("cn.rdfund.system..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("engine internals stay at the edge (system), see docs/operaton.md")
                .check(MAIN);
    }

    /**
     * Domain classes take plain values (ids, amounts, lists): only the engine's edge reads process variables — a
     * process module's delegates and its *Process class (names and the interfaces its expressions call), and system.
     */
    @Test
    void onlyDelegatesAndProcessClassesTouchTheEnginesVariables() {
        noClasses().that().resideOutsideOfPackage("cn.rdfund.system..")
                .and().haveNameNotMatching(".*(Delegates|Process|Delegate|Listener)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..")
                .because("the delegates read the variables and pass plain values, see docs/architecture.md")
                .check(MAIN);
    }

    /**
     * A process's variables are read through its {@code *Process} class's typed accessor ({@code Variables}, a
     * {@code system.tasks.ProcessVariables}): names, types and what an absent variable means are decided there, not in
     * each delegate, and the reading itself happens only at the engine's edge ({@code system}).
     */
    @Test
    void onlyTheProcessAccessorsReadVariables() {
        noClasses().that().resideOutsideOfPackage("cn.rdfund.system..")
                .should().callMethodWhere(target(nameStartingWith("getVariable"))
                        .and(target(owner(assignableTo(VariableScope.class)))))
                .because("each process reads its variables through its typed accessor, see docs/architecture.md")
                .check(MAIN);
    }
}
