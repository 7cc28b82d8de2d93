package cn.rdfund.project;

import cn.rdfund.policy.FundingCaps;
import cn.rdfund.policy.FundingCapsTable;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * An enterprise's position under its per-enterprise cap: what its projects of measures that share the cap
 * (decision table FundingCaps, e.g. all of P1.1) already hold, and what room is left.
 */
@Component
public class EnterpriseCommitments {

    private static final long NO_PROJECT = -1;

    private final ProjectRepository projects;
    private final FundingCapsTable caps;

    EnterpriseCommitments(ProjectRepository projects, FundingCapsTable caps) {
        this.projects = projects;
        this.caps = caps;
    }

    public BigDecimal committed(long organizationId, String measure) {
        return committedExcept(organizationId, measure, NO_PROJECT);
    }

    /** As {@link #committed}, leaving one project out (the one being planned). */
    public BigDecimal committedExcept(long organizationId, String measure, long projectId) {
        return committed(organizationId, caps.capsFor(measure), projectId);
    }

    public BigDecimal room(long organizationId, String measure) {
        FundingCaps measureCaps = caps.capsFor(measure);
        return measureCaps.perEnterprise().subtract(committed(organizationId, measureCaps, NO_PROJECT))
                .max(BigDecimal.ZERO);
    }

    private BigDecimal committed(long organizationId, FundingCaps measureCaps, long excludedProjectId) {
        return projects.approvedByMeasure(organizationId, excludedProjectId).stream()
                .filter(row -> caps.sharesEnterpriseCap(row.measure(), measureCaps.enterpriseCapGroup()))
                .map(ProjectRepository.ApprovedByMeasure::approved)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
