package cn.rdfund.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * What the eligibility check needs to know about the call applied to; {@code ownerOrganizationId} is the 发榜方
 * of a 揭榜挂帅 challenge (null for the city's own calls).
 */
public record CallFacts(String measure, String status, BigDecimal projectCap, LocalDateTime opensAt,
        LocalDateTime closesAt, Long ownerOrganizationId) {

    public static final String JOINT_RD = "P1.1b";

    public CallFacts(String measure, String status, BigDecimal projectCap, LocalDateTime opensAt,
            LocalDateTime closesAt) {
        this(measure, status, projectCap, opensAt, closesAt, null);
    }

    public boolean challenge() {
        return ownerOrganizationId != null;
    }
}
