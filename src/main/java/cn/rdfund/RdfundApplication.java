package cn.rdfund;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RdfundApplication {

    /** Shenyang office time for everything the JVM dates: Camunda's timestamps, timers, the cleanup window. */
    public static final String TIME_ZONE = "Asia/Shanghai";

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
        SpringApplication.run(RdfundApplication.class, args);
    }
}
