package cn.rdfund.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with an in-memory H2 database and the demo users. Every test class using it
 * shares one Spring context (and so one process engine, database and login throttle). Two such classes may run at
 * the same time (src/test/resources/junit-platform.properties): each works on cases, applicants and projects of its
 * own. A class that changes what every other class relies on — the decision tables in force, a model's latest
 * version, the expert pool, a user's login, the seeded identities it counts — says so with
 * {@code @ResourceLock(RdfundIntegrationTest.APPLICATION)} and runs alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock(value = RdfundIntegrationTest.APPLICATION, mode = ResourceAccessMode.READ)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
public @interface RdfundIntegrationTest {

    /** The shared application: read together by its classes, taken alone by a class that changes it for all. */
    String APPLICATION = "application";
}
