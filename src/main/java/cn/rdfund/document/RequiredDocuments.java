package cn.rdfund.document;

import cn.rdfund.system.tasks.TaskCompletion;
import cn.rdfund.system.tasks.TaskCompletionRule;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The tasks that may not be completed before the case holds certain documents (rdfund.documents.required): 填写申报书
 * without a 申报书 is refused, naming the 材料 tab and the kinds missing, and nothing is written.
 */
@Component
class RequiredDocuments implements TaskCompletionRule {

    private final DocumentSettings settings;
    private final DocumentRepository repository;
    private final CaseMembership membership;

    RequiredDocuments(DocumentSettings settings, DocumentRepository repository, CaseMembership membership) {
        this.settings = settings;
        this.repository = repository;
        this.membership = membership;
    }

    @Override
    public String processKey() {
        return "rdfund.documents.required";
    }

    @Override
    public String taskKey() {
        return "rdfund.documents.required";
    }

    @Override
    public boolean appliesTo(String processKey, String taskKey) {
        return !settings.requiredOn(processKey, taskKey).isEmpty();
    }

    @Override
    public List<String> problems(TaskCompletion completion) {
        List<String> kinds = settings.requiredOn(completion.processKey(), completion.taskKey());
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<String> held = repository.kindsOfCase(membership.caseOf(completion.processInstanceId()));
        List<String> missing = kinds.stream().filter(kind -> !held.contains(kind)).toList();
        return missing.isEmpty() ? List.of()
                : List.of("请先在「材料」页上传：" + String.join("、", missing) + "（PDF等，上传后再点「完成」）");
    }
}
