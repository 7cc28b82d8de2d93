package cn.rdfund.system.tasks;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Model versions deployed before {@link FreshFormAnswers} name one listener per task that blanked that task's answers
 * (freshApproval, freshClaimCheck, …). Their running instances still resolve those names: each blanks the same
 * variables it did, so an old instance behaves as before (the generic listener would differ where an old model lacks
 * what the new one declares, e.g. {@code keepAnswers} on 提交验收材料). Removable once no instance of a version before
 * the change is left (docs/operations.md says how to check).
 */
@Configuration
class RetiredFreshListeners {

    /** Old bean name → the variables it blanked. */
    static final Map<String, List<String>> BLANKED = Map.ofEntries(
            Map.entry("freshApproval", List.of("approvalDecision", "approvalComment")),
            Map.entry("freshObjection", List.of("objectionApplicationId", "objection", "objectionDecision",
                    "objectionReason")),
            Map.entry("freshFormalCheck", List.of("formalCheckDecision", "formalCheckComment")),
            Map.entry("freshAgreementApproval", List.of("agreementDecision", "agreementComment")),
            Map.entry("freshFinalReport", List.of("finalReportAction", "extensionMonths", "extensionReason")),
            Map.entry("freshExtensionDecision", List.of("extensionDecision", "extensionComment")),
            Map.entry("freshRepayment", List.of("repaidWan", "receiptNo")),
            Map.entry("freshRepaymentReview", List.of("repaymentReview", "repaymentReviewComment")),
            Map.entry("freshDisbursementApproval", List.of("disbursementDecision", "disbursementComment", "returnReply")),
            Map.entry("freshDemandCheck", List.of("demandCheckDecision", "demandCheckComment")),
            Map.entry("freshWindow", List.of("windowAction", "cancelReason")),
            Map.entry("freshRepublish", List.of("republishDecision", "republishNote")),
            Map.entry("freshContractAcceptance", List.of("contractAcceptance", "solverComment")),
            Map.entry("freshCountersign", List.of("countersignDecision", "countersignComment")),
            Map.entry("freshConfirmation", List.of("milestoneConfirmation", "stageScore", "ownerOpinion")),
            Map.entry("freshOwnerPayment", List.of("paidWan", "paymentVoucher")),
            Map.entry("freshPaymentConfirmation", List.of("paymentDecision", "paymentComment")),
            Map.entry("freshClaimCheck", List.of("checkDecision", "checkComment")),
            Map.entry("freshClaimApproval", List.of("approvalDecision", "approvalComment")));

    @Bean
    static BeanFactoryPostProcessor registerRetiredFreshListeners() {
        return beans -> BLANKED.forEach((name, answers) -> beans.registerSingleton(name, (TaskListener) task -> {
            FreshFormAnswers.blank(task.getExecution(), answers);
            if (name.equals("freshRepayment") && !"RETURN".equals(task.getVariable("repaymentReview"))) {
                // As the new model's keepOnlyReturnReason (execution) does: the review's comment stays only after 退回.
                FreshFormAnswers.blank(task.getExecution(), List.of("repaymentReviewComment"));
            }
        }));
    }
}
