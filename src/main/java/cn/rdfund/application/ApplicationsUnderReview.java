package cn.rdfund.application;

import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallRepository;
import cn.rdfund.review.ReviewContext;
import cn.rdfund.review.ReviewedApplications;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Tells review what it needs of the applications it reviews and of their calls. */
@Component
class ApplicationsUnderReview implements ReviewedApplications {

    private final ApplicationRepository applications;
    private final FundingCallRepository calls;

    ApplicationsUnderReview(ApplicationRepository applications, FundingCallRepository calls) {
        this.applications = applications;
        this.calls = calls;
    }

    @Override
    public Reviewed byProcessInstance(String applicationProcessId) {
        return reviewed(applications.findByProcessInstanceId(applicationProcessId)
                .orElseThrow(() -> new IllegalStateException("没有该流程实例的申报: " + applicationProcessId)));
    }

    @Override
    public Reviewed byId(long applicationId) {
        return reviewed(applications.findById(applicationId).orElseThrow());
    }

    @Override
    public ReviewContext exclusionsOf(long applicationId) {
        Application application = applications.findById(applicationId).orElseThrow();
        FundingCall call = callOf(application);
        Set<Long> applyingInCall = new HashSet<>();
        for (Application other : applications.findByCallId(call.id())) {
            applyingInCall.add(other.applicantId());
            other.partners().forEach(p -> applyingInCall.add(p.organizationId()));
        }
        Set<Long> involved = application.partners().stream().map(Application.Partner::organizationId)
                .collect(Collectors.toCollection(HashSet::new));
        if (call.challenge()) {
            involved.add(call.ownerOrganizationId()); // the 发榜方 chooses and pays the team: its experts may not judge
        }
        return new ReviewContext(application.applicantId(), involved, applyingInCall, areasOf(call));
    }

    @Override
    public ReviewContext exclusionsOfOrganization(long organizationId, long callId) {
        return new ReviewContext(organizationId, Set.of(), Set.of(), areasOf(calls.findById(callId).orElseThrow()));
    }

    private Reviewed reviewed(Application application) {
        return new Reviewed(application.id(), callOf(application).measure());
    }

    private FundingCall callOf(Application application) {
        return calls.findById(application.callId()).orElseThrow();
    }

    private static Set<String> areasOf(FundingCall call) {
        return call.areas().stream().map(FundingCall.Area::area).collect(Collectors.toSet());
    }
}
