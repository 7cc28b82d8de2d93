package cn.rdfund.review;

import cn.rdfund.expert.Expert;
import java.util.ArrayList;
import java.util.List;

/** Why an expert may not review an application (回避), in words that go into the audit trail. */
public final class ConflictOfInterest {

    private ConflictOfInterest() {
    }

    public static List<String> reasons(Expert expert, ReviewContext application) {
        List<String> reasons = new ArrayList<>();
        if (expert.organizationId() != null && application.involves(expert.organizationId())) {
            reasons.add("与申报单位或合作单位同单位");
        }
        if (expert.collaborators().stream().anyMatch(c -> application.involves(c.organizationId()))) {
            reasons.add("申报单位或合作单位为其声明的合作单位");
        }
        if (expert.organizationId() != null
                && application.organizationsApplyingInCall().contains(expert.organizationId())
                && !application.involves(expert.organizationId())) {
            reasons.add("所在单位在同一指南下申报");
        }
        return reasons;
    }
}
