package cn.rdfund.application;

import static cn.rdfund.application.FundingApplicationProcess.APPLICATION_ID;
import static cn.rdfund.application.FundingApplicationProcess.CHECK_COMMENT;
import static cn.rdfund.application.FundingApplicationProcess.CHECK_DECISION;
import static cn.rdfund.application.FundingApplicationProcess.CORRECTION_PERIOD;
import static cn.rdfund.application.FundingApplicationProcess.INITIATOR;
import static cn.rdfund.application.FundingApplicationProcess.OPEN_CALLS;

import cn.rdfund.system.security.Groups;
import cn.rdfund.system.security.ProcessStarters;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import java.util.List;
import org.camunda.spin.Spin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of bpmn/application/FundingApplication.bpmn: read variables, call the service, write back ids. */
@Configuration
class ApplicationDelegates {

    static final String ACCEPTED = "ACCEPTED";
    static final String REJECTED = "REJECTED";

    /** Applicants start their own applications (and, by omission, no other process). */
    @Bean
    ProcessStarters applicantsStartApplications() {
        return new ProcessStarters(Groups.APPLICANTS, FundingApplicationProcess.KEY);
    }

    /** Start of the process: the calls the applicant may choose from, and how long a correction may take. */
    @Bean
    ExecutionListener prepareApplication(ApplicationService applications,
            @Value("${rdfund.application.correction-period:P5D}") String correctionPeriod) {
        return execution -> {
            execution.setVariable(OPEN_CALLS, Spin.JSON(applications.openCallOptions()));
            execution.setVariable(CORRECTION_PERIOD, correctionPeriod);
        };
    }

    /** 形式审查 starts blank each round; earlier decisions stay in the history. */
    @Bean
    TaskListener freshFormalCheck() {
        return task -> task.getExecution().removeVariables(List.of(CHECK_DECISION, CHECK_COMMENT));
    }

    @Bean
    JavaDelegate submitApplication(ApplicationService applications) {
        return execution -> {
            Application application = applications.submit(ApplicationDraft.from(execution.getVariables()),
                    (String) execution.getVariable(INITIATOR), execution.getProcessInstanceId());
            execution.setVariable(APPLICATION_ID, application.id());
            execution.setVariables(applications.summary(application));
        };
    }

    @Bean
    JavaDelegate acceptApplication(ApplicationService applications) {
        return execution -> applications.changeStatus(applicationId(execution.getVariable(APPLICATION_ID)), ACCEPTED);
    }

    @Bean
    JavaDelegate rejectApplication(ApplicationService applications) {
        return execution -> applications.changeStatus(applicationId(execution.getVariable(APPLICATION_ID)), REJECTED);
    }

    private static long applicationId(Object value) {
        return ((Number) value).longValue();
    }
}
