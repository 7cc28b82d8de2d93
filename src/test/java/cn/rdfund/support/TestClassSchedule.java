package cn.rdfund.support;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The order in which the test classes are handed to the two test threads (src/test/resources/junit-platform.properties).
 * JUnit's pool has one thread work from the front of the list and the other steal from the back. At the front: the
 * classes that hold the shared application alone, then the kill -9 test (its application is a process of its own),
 * then the classes that share the application; at the back: the engine-only process tests and the plain ones (rules,
 * tables, module checks). So while a class has the application to itself, the other thread runs what needs no
 * application, and the run ends on the shared classes two at a time instead of on one class alone while the other
 * thread has nothing left (measured: about 2 s of 75 less).
 */
public class TestClassSchedule implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(TestClassSchedule::place)
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static int place(ClassDescriptor descriptor) {
        Class<?> type = descriptor.getTestClass();
        if (applicationLock(type).contains(ResourceAccessMode.READ_WRITE)) {
            return 0;
        }
        if (startsApplicationProcesses(type)) {
            return 1;
        }
        if (AnnotationSupport.isAnnotated(type, SpringBootTest.class)) {
            return 2;
        }
        return AnnotationSupport.isAnnotated(type, EngineOnlyTest.class) ? 3 : 4;
    }

    /** The modes in which the class (or a superclass, or an annotation on either) holds the application's lock. */
    public static Set<ResourceAccessMode> applicationLock(Class<?> type) {
        Set<ResourceAccessMode> modes = EnumSet.noneOf(ResourceAccessMode.class);
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            AnnotationSupport.findRepeatableAnnotations(current, ResourceLock.class).stream()
                    .filter(lock -> RdfundIntegrationTest.APPLICATION.equals(lock.value()))
                    .forEach(lock -> modes.add(lock.mode()));
        }
        return modes;
    }

    private static boolean startsApplicationProcesses(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (Arrays.stream(current.getDeclaredMethods()).map(Method::getReturnType)
                    .anyMatch(ApplicationProcess.class::equals)) {
                return true;
            }
        }
        return false;
    }
}
