package cn.rdfund.application;

import static cn.rdfund.application.FundingApplicationProcess.APPLICATION_ID;
import static cn.rdfund.application.FundingApplicationProcess.APPLICATIONS_RECEIVED;
import static cn.rdfund.application.FundingApplicationProcess.APPLICATION_SETTLED;
import static cn.rdfund.application.FundingApplicationProcess.FUNDING_CALL;
import static cn.rdfund.application.FundingApplicationProcess.OPEN_CALLS;
import static cn.rdfund.application.FundingApplicationProcess.WINDOW_CLOSED;

import cn.rdfund.system.security.Groups;
import cn.rdfund.system.security.ProcessStarters;
import cn.rdfund.system.tasks.ProcessStarter;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of bpmn/application/FundingApplication.bpmn: read variables, call the service, write back ids. */
@Configuration
class ApplicationDelegates {

    static final String ACCEPTED = "ACCEPTED";
    static final String REJECTED = "REJECTED";
    static final String REVIEWED = "REVIEWED";

    /** Applicants start their own applications (and, by omission, no other process). */
    @Bean
    ProcessStarters applicantsStartApplications() {
        return new ProcessStarters(Groups.APPLICANTS, FundingApplicationProcess.KEY);
    }

    /** Start of the process: the calls the applicant may choose from. */
    @Bean
    ExecutionListener prepareApplication(ApplicationService applications) {
        return execution -> execution.setVariable(OPEN_CALLS, Spin.JSON(applications.openCallOptions()));
    }

    /** Read by the correction timer (`${applicationSettings.correctionPeriod()}`), never from a variable a user could set. */
    @Bean
    ApplicationSettings applicationSettings(@Value("${rdfund.application.correction-period:P5D}") String correctionPeriod) {
        return new ApplicationSettings(correctionPeriod);
    }

    @Bean
    JavaDelegate submitApplication(ApplicationService applications, ProcessStarter starter, RuntimeService runtime) {
        return execution -> {
            FundingApplicationProcess.Variables vars = FundingApplicationProcess.of(execution);
            boolean first = execution.getVariable(APPLICATION_ID) == null;
            Application application;
            try {
                application = applications.submit(vars.draft(), vars.content(),
                        starter.of(execution.getProcessInstanceId()), execution.getProcessInstanceId());
            } catch (WindowClosed late) {
                throw new BpmnError(WINDOW_CLOSED, late.getMessage());
            }
            execution.setVariable(APPLICATION_ID, application.id());
            execution.setProcessBusinessKey(application.code());
            execution.setVariables(applications.summary(application));
            if (first) {
                applications.applicationsReceivedBy(application).filter(call -> isFundingCall(runtime, call.getKey()))
                        .ifPresent(call -> runtime.setVariable(call.getKey(), APPLICATIONS_RECEIVED, call.getValue()));
            }
        };
    }

    /** A running 指南发布 (a challenge's call runs in its Challenge process, whose window task counts otherwise). */
    private static boolean isFundingCall(RuntimeService runtime, String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .processDefinitionKey(FUNDING_CALL).count() > 0;
    }

    @Bean
    JavaDelegate acceptApplication(ApplicationService applications) {
        return execution -> applications.changeStatusOf(execution.getProcessInstanceId(), ACCEPTED);
    }

    /** The review is over: the call may rank this application (start listener of EndEvent_Reviewed, before the call is told). */
    @Bean
    ExecutionListener markReviewed(ApplicationService applications) {
        return execution -> applications.changeStatusOf(execution.getProcessInstanceId(), REVIEWED);
    }

    /**
     * Both ends of an application tell its call's process (指南发布 or 揭榜挂帅) that one more application is settled, so
     * that the call ranks as soon as the last one is; a call not yet waiting for it is not affected. The status was
     * written before (markReviewed, rejectApplication), and the call's row is locked before the call is told: a call
     * that checks at the same moment either sees this status or is already waiting for this message.
     */
    @Bean
    JavaDelegate tellCallApplicationSettled(ApplicationService applications, RuntimeService runtime) {
        return execution -> applications.callProcessToTell(execution.getProcessInstanceId())
                .ifPresent(callProcess -> runtime.createMessageCorrelation(APPLICATION_SETTLED)
                        .processInstanceId(callProcess).correlateAll());
    }

    @Bean
    JavaDelegate rejectApplication(ApplicationService applications) {
        return execution -> applications.changeStatusOf(execution.getProcessInstanceId(), REJECTED);
    }
}
