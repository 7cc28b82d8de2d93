package cn.rdfund;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.EngineOnlyExtension;
import cn.rdfund.support.EngineOnlyTest;
import cn.rdfund.support.RdfundIntegrationTest;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Test classes run beside each other unless they say otherwise (src/test/resources/junit-platform.properties). The
 * classes on the shared application context hold its lock ({@link RdfundIntegrationTest#APPLICATION}): to read, two at
 * a time, or alone when they change what the others rely on. A class that builds an application of its own in this
 * JVM shares static state with that context (both would be "default" in Camunda's registries, Logback), so it holds
 * the lock alone. A class that runs a model alone on the in-memory engine says so with {@link EngineOnlyTest}: those
 * share that engine, so they hold its lock and run one at a time.
 */
class TestIsolationTest {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("cn.rdfund");

    @Test
    void everyClassOnTheSharedContextHoldsTheApplicationsLock() {
        List<String> unlocked = TESTS.stream()
                .filter(type -> AnnotationSupport.isAnnotated(type.reflect(), SpringBootTest.class))
                .map(JavaClass::reflect)
                .filter(type -> !type.isAnnotation() && !Modifier.isAbstract(type.getModifiers()))
                .filter(type -> applicationLock(type).isEmpty())
                .map(Class::getName)
                .toList();

        assertThat(unlocked).as("start the shared context without its lock").isEmpty();
    }

    @Test
    void everyClassThatBuildsAnApplicationOfItsOwnRunsAlone() {
        List<String> beside = TESTS.stream()
                .filter(type -> type.getAllRawSuperclasses().stream().anyMatch(TestIsolationTest::buildsAnApplication)
                        || buildsAnApplication(type))
                .map(JavaClass::reflect)
                .filter(type -> !Modifier.isAbstract(type.getModifiers()))
                .filter(type -> !applicationLock(type).contains(ResourceAccessMode.READ_WRITE))
                .map(Class::getName)
                .toList();

        assertThat(beside).as("build an application of their own but may run beside the shared context").isEmpty();
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
                .anyMatch(extension -> ProcessEngineExtension.class.isAssignableFrom(extension)
                        || EngineOnlyExtension.class.isAssignableFrom(extension));
    }

    private static boolean buildsAnApplication(JavaClass type) {
        return type.getConstructorCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(SpringApplicationBuilder.class));
    }

    /** The modes in which the class (or a superclass, or an annotation on either) holds the application's lock. */
    private static Set<ResourceAccessMode> applicationLock(Class<?> type) {
        Set<ResourceAccessMode> modes = EnumSet.noneOf(ResourceAccessMode.class);
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            AnnotationSupport.findRepeatableAnnotations(current, ResourceLock.class).stream()
                    .filter(lock -> RdfundIntegrationTest.APPLICATION.equals(lock.value()))
                    .forEach(lock -> modes.add(lock.mode()));
        }
        return modes;
    }
}
