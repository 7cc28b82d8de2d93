package cn.rdfund.review;

/**
 * What review must know about what it reviews, answered by the module that owns applications and calls: review
 * imports neither, so the reusable review sits below what it reviews. An application's review needs the application
 * (its id and its call's measure, which picks the settings and criteria) and what its expert draw must avoid.
 */
public interface ReviewedApplications {

    /** An application as review sees it: its id and the measure of its call. */
    record Reviewed(long applicationId, String measure) {
    }

    /** The application whose process instance this is (an ExpertReview's business key). */
    Reviewed byProcessInstance(String applicationProcessId);

    Reviewed byId(long applicationId);

    /** What a panel judging this application's proposal must avoid: its applicant and partners, and their rivals. */
    ReviewContext exclusionsOf(long applicationId);

    /** What a panel judging one organization's own proposal in a call (a 发榜方's demand) must avoid: that organization. */
    ReviewContext exclusionsOfOrganization(long organizationId, long callId);
}
