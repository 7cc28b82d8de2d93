package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;

import cn.rdfund.calendar.NoticePeriod;
import cn.rdfund.disbursement.DisbursementProcess;
import cn.rdfund.money.Wan;
import cn.rdfund.policy.AwardFormula.Award;
import cn.rdfund.policy.ClaimFields.Fact;
import cn.rdfund.policy.MeasureCatalogue;
import cn.rdfund.policy.OverlapSettlement;
import cn.rdfund.policy.PolicyMeasure;
import cn.rdfund.system.Texts;
import cn.rdfund.system.security.Groups;
import cn.rdfund.system.security.ProcessStarters;
import cn.rdfund.system.tasks.CurrentUser;
import cn.rdfund.system.tasks.ProcessStarter;
import cn.rdfund.system.tasks.TaskRefusal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service steps and task listeners of bpmn/claim/PolicyClaim.bpmn. Thin: the rules are in
 * {@link ClaimService}, {@link ClaimForm} and the policy's award tables. Who decided is taken from the engine's
 * login, never from a submitted variable.
 */
@Configuration
class ClaimDelegates {

    /** What a string variable holds on every database Camunda supports. */
    private static final int MEASURES_TEXT_MAX = 4000;
    private static final String DUPLICATE = "duplicateClaim";

    @Bean
    ProcessStarters applicantsClaimAwards() {
        return new ProcessStarters(Groups.APPLICANTS, KEY);
    }

    /**
     * The claim form's options, field rules and texts come from the catalogue (every measure of every policy version
     * deployed): task-local display data the form reads and never sends back.
     */
    @Bean
    TaskListener showClaimableMeasures(MeasureCatalogue catalogue) {
        return task -> task.setVariablesLocal(claimFormShown(catalogue));
    }

    /** The claim task's display variables: the options and field rules of the claim form in force, and the measures. */
    static Map<String, Object> claimFormShown(MeasureCatalogue catalogue) {
        List<PolicyMeasure> published = catalogue.published();
        Map<String, Object> shown = new HashMap<>(ClaimFormOptions.of(published, ClaimFormDefinition.deployed())
                .variables());
        shown.put("measuresText", Texts.clip(published.stream().map(PolicyMeasure::line)
                .collect(Collectors.joining("\n")), MEASURES_TEXT_MAX));
        return shown;
    }

    /** Registers the submission (or the withdrawal) and routes the claim to its measure's lead unit and co-units. */
    @Bean
    JavaDelegate registerClaim(ClaimService claims, ProcessStarter starter, MeasureCatalogue catalogue,
            TraineeRosters rosters, ClaimSubjects subjects, AwardLists awardLists) {
        return execution -> {
            String claimant = starter.of(execution.getProcessInstanceId());
            execution.setVariable(DUPLICATE, false);
            Variables vars = of(execution);
            if (vars.withdrawn()) {
                claims.withdraw(execution.getProcessInstanceId(), claimant);
                return;
            }
            ClaimSubmission submission = vars.claimForm(LocalDate.MAX, catalogue::claimFields).submission();
            if (catalogue.claimFields(submission.measure(), submission.facts().referenceDate()).has(Fact.ROSTER)) {
                ClaimSubmission read = submission;
                submission = refusedAsTheTaskWouldBe(() -> rosters.counted(execution.getProcessInstanceId(), claimant,
                        read));
            }
            PolicyClaim claim = claims.register(execution.getProcessInstanceId(), claimant, submission);
            if (submission.trainees() != null && !PolicyClaim.REJECTED.equals(claim.status())) {
                List<TraineeRoster.Trainee> counted = submission.trainees();
                refusedAsTheTaskWouldBe(() -> {
                    rosters.record(claim.id(), claim.measure(), counted);
                    return null;
                });
            }
            if (!PolicyClaim.REJECTED.equals(claim.status())) {
                subjects.record(claim.id(), claim.measure(), submission.facts());
            }
            if (claim.code() != null) {
                execution.setProcessBusinessKey(claim.code());
            }
            if (PolicyClaim.REJECTED.equals(claim.status())) {
                execution.setVariable(DUPLICATE, true);
                return;
            }
            PolicyMeasure measure = claims.measureOf(claim).orElseThrow();
            Map<String, Object> variables = new HashMap<>();
            variables.put(CLAIM_ID, claim.id());
            variables.put(DisbursementProcess.PROJECT_CODE, claim.code());
            variables.put(DisbursementProcess.TITLE, claim.measureName() + "：" + claim.title());
            variables.put("leadUnitGroup", measure.leadUnit().groupId());
            variables.put("hasCoUnits", !measure.coUnits().isEmpty());
            variables.put("ruleText", measure.ruleText());
            variables.put("claimSummary", Texts.clip(ClaimView.summary(claim,
                    ClaimView.fieldsOf(claim, measure, catalogue::claimFields),
                    claims.organizationName(claim.organizationId()), claims.earlierClaims(claim))
                    + (submission.trainees() == null ? "" : "\n" + TraineeRosters.described(submission.trainees()))
                    + awardLists.originOf(execution.getProcessInstanceId())
                            .map(origin -> "\n来源：" + origin.described() + "，企业确认后提交").orElse(""),
                    MEASURES_TEXT_MAX));
            execution.setVariables(variables);
        };
    }

    @Bean
    TaskListener recordClaimCheck(ClaimService claims) {
        return task -> {
            Variables vars = of(task);
            claims.recordCheck(vars.claimId(), vars.checkDecision(), vars.checkComment(), CurrentUser.of(task));
        };
    }

    @Bean
    TaskListener recordCoUnitOpinion(ClaimService claims) {
        return task -> {
            Variables vars = of(task);
            claims.addOpinion(vars.claimId(), vars.coUnit().name(), vars.consultOpinion(), CurrentUser.of(task),
                    task.getId());
        };
    }

    @Bean
    JavaDelegate calculateAward(ClaimService claims) {
        return execution -> {
            Award award = claims.calculate(claimId(execution));
            execution.setVariable(AWARD_KIND, award.kind().name());
            showCalculation(execution, claims);
        };
    }

    @Bean
    TaskListener recordCommitteeDecision(ClaimService claims) {
        return task -> {
            Variables vars = of(task);
            boolean supported = vars.committeeSupports();
            claims.recordCommittee(vars.claimId(), supported, vars.committeeRef(),
                    supported ? vars.committeeAmount() : null, vars.committeeRationale(), CurrentUser.of(task));
        };
    }

    @Bean
    JavaDelegate settleAward(ClaimService claims) {
        return execution -> {
            OverlapSettlement settlement = claims.settle(claimId(execution));
            execution.setVariable(AMOUNT_DUE, settlement.payable().signum() > 0);
            showCalculation(execution, claims);
        };
    }

    @Bean
    TaskListener recordClaimApproval(ClaimService claims) {
        return task -> {
            Variables vars = of(task);
            claims.recordApproval(vars.claimId(), vars.approved(), vars.approvalComment(), CurrentUser.of(task));
        };
    }

    /** The model's multi-instance questions, answered with the instance's claim as a plain id. */
    @Bean
    Routing claimRouting(ClaimRouting routing) {
        return new Routing() {
            @Override
            public List<String> coUnits(DelegateExecution execution) {
                return routing.coUnits(claimId(execution));
            }

            @Override
            public List<Integer> instalments(DelegateExecution execution) {
                return routing.instalments(claimId(execution));
            }
        };
    }

    /** The instalment timer's due time, for the instalment the execution is about to pay. */
    @Bean
    Times claimTimes(ClaimTimes times) {
        return execution -> times.instalmentDue(claimId(execution), of(execution).instalmentSeq());
    }

    @Bean
    JavaDelegate publishClaimNotice(ClaimService claims, ClaimTimes times) {
        return execution -> {
            var endsAt = times.noticeEndsAt();
            claims.startNotice(claimId(execution), endsAt.toLocalDateTime());
            execution.setVariable("noticeEndsAt", NoticePeriod.forTimer(endsAt));
            execution.setVariable("noticeText", "公示至" + endsAt.toLocalDateTime().withNano(0).toString().replace('T', ' ')
                    + "：" + of(execution).title() + "，拟支持"
                    + Wan.format(claims.get(claimId(execution)).payableAmount()));
        };
    }

    @Bean
    TaskListener recordNoticeConclusion(ClaimService claims) {
        return task -> {
            Variables vars = of(task);
            claims.concludeNotice(vars.claimId(), vars.objectionUpheld(), vars.noticeComment(), CurrentUser.of(task));
        };
    }

    /** Opens the funding record and hands its instalments to the shared disbursement process. */
    @Bean
    JavaDelegate openAward(ClaimService claims) {
        return execution -> {
            long id = claimId(execution);
            claims.openAward(id);
            PolicyClaim claim = claims.get(id);
            execution.setVariable(DisbursementProcess.PROJECT_ID, claim.projectId());
            String organization = claims.organizationName(claim.organizationId());
            execution.setVariable(DisbursementProcess.APPLICANT_NAME, organization);
            execution.setVariable(DisbursementProcess.PAYEE, claim.payeeAccount() == null ? null
                    : "户名 " + organization + "；开户银行及账号 " + new Payee(claim.payeeBank(), claim.payeeAccount()).display());
        };
    }

    @Bean
    JavaDelegate completeClaim(ClaimService claims) {
        return execution -> claims.complete(claimId(execution));
    }

    private static void showCalculation(DelegateExecution execution, ClaimService claims) {
        long id = claimId(execution);
        execution.setVariable("calculationText", claims.calculationText(claims.get(id)));
        execution.setVariable("coUnitOpinions", claims.opinionText(id));
    }

    /**
     * A roster that no longer holds as the claim is registered refuses the completion as the task's check would
     * (the message names the rows), not with a server error.
     */
    private static <T> T refusedAsTheTaskWouldBe(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (TraineeRosters.RosterRefused refused) {
            throw TaskRefusal.of(TASK_SUBMIT, refused.getMessage());
        }
    }
}
