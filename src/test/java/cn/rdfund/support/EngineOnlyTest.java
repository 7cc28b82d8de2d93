package cn.rdfund.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * One model alone on the in-memory engine of src/test/resources/engine-only.cfg.xml, with the beans it names registered as
 * {@code Mocks} and its flow-node and sequence-flow coverage recorded (target/process-test-coverage/). The classes
 * share that engine and its database, so they run one at a time; its name is not the application's ("default"), so
 * they run beside the application's tests on the other core.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EngineOnlyExtension.class)
@ResourceLock(EngineOnlyTest.ENGINE)
public @interface EngineOnlyTest {

    /** The engine's name in engine-only.cfg.xml, and the lock its classes hold while they run. */
    String ENGINE = "engine-only";
}
