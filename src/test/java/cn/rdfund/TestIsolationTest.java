package cn.rdfund;

import static org.assertj.core.api.Assertions.assertThat;

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
 * class that starts an application or a process engine in this JVM shares static state with every other such class
 * (Camunda's ProcessEngines registry, the assertions' engine, Logback), so it must run in the sequential chain.
 */
class TestIsolationTest {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("cn.rdfund");

    @Test
    void everyClassThatStartsAnApplicationOrAnEngineRunsInTheSequentialChain() {
        List<String> concurrent = TESTS.stream()
                .filter(TestIsolationTest::startsAnApplicationOrAnEngine)
                .map(JavaClass::reflect)
                .filter(type -> !Modifier.isAbstract(type.getModifiers()))
                .filter(type -> !sameThread(type))
                .map(Class::getName)
                .toList();

        assertThat(concurrent).as("start an application or engine but may run beside others").isEmpty();
    }

    private static boolean startsAnApplicationOrAnEngine(JavaClass type) {
        Class<?> reflected = type.reflect();
        return AnnotationSupport.isAnnotated(reflected, SpringBootTest.class)
                || AnnotationSupport.findAnnotation(reflected, ExtendWith.class).stream()
                        .flatMap(extend -> List.of(extend.value()).stream())
                        .anyMatch(ProcessEngineExtension.class::isAssignableFrom)
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
