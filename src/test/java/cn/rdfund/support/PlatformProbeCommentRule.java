package cn.rdfund.support;

import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Test-only rule for the test-only PlatformProbe process: a comment is required, 200 characters at most. */
@Component
class PlatformProbeCommentRule implements TaskCompletionRule {

    @Override
    public String processKey() {
        return "PlatformProbe";
    }

    @Override
    public String taskKey() {
        return "Task_Comment";
    }

    @Override
    public List<String> problems(TaskCompletion completion) {
        List<String> problems = new ArrayList<>();
        Object comment = completion.get("comment");
        if (!(comment instanceof String text) || text.isBlank()) {
            problems.add("请填写意见");
        } else if (text.length() > 200) {
            problems.add("意见不超过200字");
        }
        return problems;
    }
}
