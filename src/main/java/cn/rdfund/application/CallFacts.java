package cn.rdfund.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** What the eligibility check needs to know about the call applied to. */
public record CallFacts(String measure, String status, BigDecimal projectCap, LocalDateTime opensAt,
        LocalDateTime closesAt) {

    public static final String JOINT_RD = "P1.1b";
}
