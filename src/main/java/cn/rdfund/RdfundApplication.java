package cn.rdfund;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RdfundApplication {

    public static void main(String[] args) {
        SpringApplication.run(RdfundApplication.class, args);
    }
}
