package cn.rdfund.selection;

import static cn.rdfund.selection.FundingCallProcess.APPROVAL_COMMENT;
import static cn.rdfund.selection.FundingCallProcess.APPROVAL_DECISION;
import static cn.rdfund.selection.FundingCallProcess.APPROVE;
import static cn.rdfund.selection.FundingCallProcess.RETURN;

import cn.rdfund.system.tasks.CompletionChecks;
import cn.rdfund.system.tasks.FormValues;
import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Another manager approves or returns the draft (four eyes: the model's fourEyes property excludes whoever drafted
 * it); a return says what to change. What is approved must still pass the draft's checks, whatever was submitted
 * with the approval.
 */
@Component
class CallApprovalRule implements TaskCompletionRule {

    private final CallDraftRule draftRule;

    CallApprovalRule(CallDraftRule draftRule) {
        this.draftRule = draftRule;
    }

    @Override
    public String processKey() {
        return FundingCallProcess.KEY;
    }

    @Override
    public String taskKey() {
        return FundingCallProcess.TASK_APPROVE;
    }

    @Override
    public List<String> problems(TaskCompletion completion) {
        List<String> problems = CompletionChecks.decisionWithReason(completion, APPROVAL_DECISION, APPROVAL_COMMENT,
                APPROVE, RETURN, "请选择审核结论（通过或退回修改）", "退回修改时请填写修改意见");
        String decision = FormValues.text(completion.get(APPROVAL_DECISION));
        if (APPROVE.equals(decision)) {
            problems.addAll(draftRule.problems(completion));
        }
        return problems;
    }
}
