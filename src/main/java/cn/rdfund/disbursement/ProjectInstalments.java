package cn.rdfund.disbursement;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What ProjectExecution.bpmn pays at each release point: the numbers of the project's planned instalments that the
 * event releases, in order, read from the plan stored at signing (none: the release point passes without payment).
 * The collection of the multi-instance calls to Disbursement; public, the process's expressions call it.
 */
@Component("projectInstalments")
public class ProjectInstalments {

    private final Instalments instalments;

    ProjectInstalments(Instalments instalments) {
        this.instalments = instalments;
    }

    public List<Integer> releasedBy(long projectId, String event) {
        return instalments.of(projectId).stream().filter(i -> event.equals(i.releasedBy())).map(Instalment::seq)
                .sorted().toList();
    }
}
