package cn.rdfund.execution;

import cn.rdfund.disbursement.DisbursementService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What ProjectExecution.bpmn pays at each release point: the numbers of the project's planned instalments that the
 * event releases, in order, read from the plan stored at signing (none: the release point passes without payment).
 * The collection of the multi-instance calls to Disbursement; public, the process's expressions call it.
 */
@Component("projectInstalments")
public class ProjectInstalments {

    private final DisbursementService disbursements;

    ProjectInstalments(DisbursementService disbursements) {
        this.disbursements = disbursements;
    }

    public List<Integer> releasedBy(long projectId, String event) {
        return disbursements.releasedBy(projectId, event);
    }
}
