package cn.rdfund.support;

import static cn.rdfund.claim.PolicyClaimProcess.*;

import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.support.TasklistClient.Completion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A P4.3 award claim (高新技术企业首次认定, 20万元) over {@code /engine-rest}, every step by its user: the claimant's
 * 提交申领, kjj's 形式审查, kjj2's 审批, kjj's 公示结果 after the notice, finance's 拨付审批 of the payment it called.
 */
public final class ClaimJourney {

    private final JourneySteps steps;

    /** {@code acknowledged}: where each completion a node answered with 204 is added as it happens. */
    public ClaimJourney(Nodes nodes, List<Completion> acknowledged) {
        this.steps = new JourneySteps(nodes, acknowledged);
    }

    /** The claimant's claim up to finance's approval of its payment; answers the claim's instance. */
    public String run(String claimant) {
        String claim = steps.start(claimant, KEY);
        steps.submit(claimant, claim, TASK_SUBMIT, new HashMap<String, Object>(TasklistClient.firstRecognitionClaim(claimant)));
        steps.submit("kjj", claim, TASK_CHECK, Map.of(CHECK_DECISION, PASS));
        steps.submit("kjj2", claim, TASK_APPROVE, Map.of(APPROVAL_DECISION, APPROVE));
        steps.submit("kjj", claim, TASK_CONCLUDE_NOTICE, Map.of(NOTICE_RESULT, NO_OBJECTION));
        steps.submit("finance", steps.called(claim, DisbursementProcess.KEY), DisbursementProcess.TASK_APPROVE,
                Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
        return claim;
    }
}
