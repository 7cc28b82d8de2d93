package cn.rdfund;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.EngineOnlyTest;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Test classes run beside each other unless they say otherwise (src/test/resources/junit-platform.properties). A
 * class that starts an application in this JVM shares static state with every other such class (its engine is
 * "default" in Camunda's registries, Logback), so it must run in the sequential chain. A class that runs a model alone
 * on the in-memory engine says so with {@link EngineOnlyTest}: those share that engine, so they hold its lock and run
 * one at a time, beside the chain.
 */
class TestIsolationTest {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("cn.rdfund");

    @Test
    void everyClassThatStartsAnApplicationRunsInTheSequentialChain() {
        List<String> concurrent = TESTS.stream()
                .filter(TestIsolationTest::startsAnApplication)
                .map(JavaClass::reflect)
                .filter(type -> !Modifier.isAbstract(type.getModifiers()))
                .filter(type -> !sameThread(type))
                .map(Class::getName)
                .toList();

        assertThat(concurrent).as("start an application but may run beside others").isEmpty();
    }

    @Test
    void everyClassOnTheInMemoryEngineTakesItsTurn() {
        List<String> unlocked = TESTS.stream()
                .filter(type -> !type.isAnnotation())
                .filter(TestIsolationTest::usesTheInMemoryEngine)
                .map(JavaClass::reflect)
                .filter(type -> !AnnotationSupport.isAnnotated(type, EngineOnlyTest.class))
                .map(Class::getName)
                .toList();

        assertThat(unlocked).as("use the in-memory engine without @EngineOnlyTest").isEmpty();
    }

    private static boolean usesTheInMemoryEngine(JavaClass type) {
        return AnnotationSupport.findAnnotation(type.reflect(), ExtendWith.class).stream()
                .flatMap(extend -> List.of(extend.value()).stream())
                .anyMatch(ProcessEngineExtension.class::isAssignableFrom);
    }

    private static boolean startsAnApplication(JavaClass type) {
        return AnnotationSupport.isAnnotated(type.reflect(), SpringBootTest.class)
                || type.getAllRawSuperclasses().stream().anyMatch(TestIsolationTest::buildsAnApplication)
                || buildsAnApplication(type);
    }

    private static boolean buildsAnApplication(JavaClass type) {
        return type.getConstructorCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(SpringApplicationBuilder.class));
    }

    private static boolean sameThread(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            Optional<Execution> execution = AnnotationSupport.findAnnotation(current, Execution.class);
            if (execution.isPresent()) {
                return execution.get().value() == ExecutionMode.SAME_THREAD;
            }
        }
        return false;
    }
}
