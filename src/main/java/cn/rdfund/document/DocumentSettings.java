package cn.rdfund.document;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code rdfund.documents.*}: the kinds of document a case holds, the largest file accepted and the file types accepted
 * (as detected from the content), each with the name users read; the expert tasks whose holder reads the whole case
 * ({@code reviewerTasks}: scoring and assessing, not the 回避 declaration); the processes whose tasks take no
 * attachments ({@code sealedProcesses}: an expert panel's opinions stay closed until it ends, files included); the most a
 * case may hold, every version counted ({@code caseQuota}); the documents a task may not be completed without
 * ({@code required}: the process, the task's id in the model and the kinds the case must hold by then).
 */
@ConfigurationProperties("rdfund.documents")
record DocumentSettings(List<String> kinds, DataSize maxSize, List<FileType> types, List<String> reviewerTasks,
        List<String> sealedProcesses, DataSize caseQuota, List<Requirement> required) {

    record FileType(String mime, String name) {
    }

    /** A task that may not complete before the case holds documents of these kinds. */
    record Requirement(String process, String task, List<String> kinds) {

        Requirement {
            if (process == null || process.isBlank() || task == null || task.isBlank() || kinds == null
                    || kinds.isEmpty()) {
                throw new IllegalArgumentException("rdfund.documents.required: each row needs process, task and kinds, "
                        + "e.g. { process: FundingApplication, task: Task_FillApplication, kinds: [申报书] }");
            }
            kinds = List.copyOf(kinds);
        }

        boolean of(String processKey, String taskKey) {
            return process.equals(processKey) && task.equals(taskKey);
        }
    }

    /** The kinds a task requires (none for most tasks). */
    List<String> requiredOn(String processKey, String taskKey) {
        return required.stream().filter(requirement -> requirement.of(processKey, taskKey)).findFirst()
                .map(Requirement::kinds).orElse(List.of());
    }

    DocumentSettings {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
        types = types == null ? List.of() : List.copyOf(types);
        reviewerTasks = reviewerTasks == null ? List.of() : List.copyOf(reviewerTasks);
        sealedProcesses = sealedProcesses == null ? List.of() : List.copyOf(sealedProcesses);
        caseQuota = caseQuota == null ? DataSize.ofMegabytes(200) : caseQuota;
        required = required == null ? List.of() : List.copyOf(required);
        for (Requirement requirement : required) {
            if (!kinds.containsAll(requirement.kinds())) {
                throw new IllegalArgumentException("rdfund.documents.required: " + requirement.task() + " requires "
                        + requirement.kinds() + ", not all of them in rdfund.documents.kinds " + kinds);
            }
        }
    }
}
