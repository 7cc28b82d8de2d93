package cn.rdfund.selection;

import cn.rdfund.call.CallDraft;
import cn.rdfund.call.CallDraftCheck;
import cn.rdfund.policy.FundingCapsTable;
import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The drafted call must be complete and within the policy's caps (decision table FundingCaps). */
@Component
class CallDraftRule implements TaskCompletionRule {

    private final FundingCapsTable caps;
    private final Clock clock;

    CallDraftRule(FundingCapsTable caps, Clock clock) {
        this.caps = caps;
        this.clock = clock;
    }

    @Override
    public String processKey() {
        return FundingCallProcess.KEY;
    }

    @Override
    public String taskKey() {
        return FundingCallProcess.TASK_DRAFT;
    }

    @Override
    public List<String> problems(TaskCompletion completion) {
        return CallDraftCheck.problems(CallDraft.from(completion.variables()), caps::capsFor, LocalDate.now(clock));
    }
}
