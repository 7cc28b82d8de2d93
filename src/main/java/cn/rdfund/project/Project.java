package cn.rdfund.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A funded project (立项): the approved amount, the task agreement (任务书) with its milestones, and
 * what the caps left of the amount when the agreement was signed (fundedAmount, with the reason in fundingNote).
 */
@Table("project")
public record Project(
        @Id Long id,
        String code,
        String title,
        String measure,
        Long organizationId,
        Long applicationId,
        Long callId,
        String applicantUserId,
        BigDecimal approvedAmount,
        BigDecimal fundedAmount,
        String fundingNote,
        String status,
        LocalDate startDate,
        LocalDate endDate,
        LocalDate midtermDate,
        String indicators,
        int extensionMonths,
        BigDecimal spentAmount,
        String processInstanceId,
        LocalDateTime createdAt,
        @MappedCollection(idColumn = "project_id") Set<Milestone> milestones) {

    public static final String APPROVED = "APPROVED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String RECTIFYING = "RECTIFYING";
    public static final String COMPLETED = "COMPLETED";
    public static final String TERMINATED = "TERMINATED";
    /** 揭榜挂帅: the support case of a challenge not yet contracted (nothing committed). */
    public static final String PROPOSED = "PROPOSED";
    /** 揭榜挂帅: the challenge ended before any contract (论证驳回, 流标, 取消). */
    public static final String WITHDRAWN = "WITHDRAWN";

    /** A project as a decision creates it, before its task agreement exists. */
    public static Project approved(String code, String title, String measure, long organizationId, Long applicationId,
            Long callId, String applicantUserId, BigDecimal approvedAmount, LocalDateTime createdAt) {
        return new Project(null, code, title, measure, organizationId, applicationId, callId, applicantUserId,
                approvedAmount, null, null, APPROVED, null, null, null, null, 0, null, null, createdAt, Set.of());
    }

    Project withAgreement(LocalDate start, LocalDate end, LocalDate midterm, String indicatorText,
            Set<Milestone> agreedMilestones) {
        return new Project(id, code, title, measure, organizationId, applicationId, callId, applicantUserId,
                approvedAmount, fundedAmount, fundingNote, IN_PROGRESS, start, end, midterm, indicatorText,
                extensionMonths, spentAmount, processInstanceId, createdAt, agreedMilestones);
    }

    /** 揭榜挂帅: the support the contracts allow at most, after the caps, for the time the teams work. */
    Project withSupport(BigDecimal amount, String note, LocalDate start, LocalDate end) {
        return new Project(id, code, title, measure, organizationId, applicationId, callId, applicantUserId,
                amount, amount, note, IN_PROGRESS, start, end, midtermDate, indicators, extensionMonths,
                spentAmount, processInstanceId, createdAt, milestones);
    }

    Project withFunding(BigDecimal funded, String note) {
        return new Project(id, code, title, measure, organizationId, applicationId, callId, applicantUserId,
                approvedAmount, funded, note, status, startDate, endDate, midtermDate, indicators, extensionMonths,
                spentAmount, processInstanceId, createdAt, milestones);
    }

    Project withStatus(String newStatus) {
        return new Project(id, code, title, measure, organizationId, applicationId, callId, applicantUserId,
                approvedAmount, fundedAmount, fundingNote, newStatus, startDate, endDate, midtermDate, indicators,
                extensionMonths, spentAmount, processInstanceId, createdAt, milestones);
    }

    Project completed() {
        return new Project(id, code, title, measure, organizationId, applicationId, callId, applicantUserId,
                approvedAmount, fundedAmount, fundingNote, COMPLETED, startDate, endDate, midtermDate, indicators,
                extensionMonths, spentAmount, processInstanceId, createdAt, milestones.stream()
                        .map(m -> new Milestone(m.seq(), m.title(), m.dueDate(), m.plannedAmount(), Milestone.ACHIEVED))
                        .collect(java.util.stream.Collectors.toSet()));
    }

    Project withSpent(BigDecimal spent) {
        return new Project(id, code, title, measure, organizationId, applicationId, callId, applicantUserId,
                approvedAmount, fundedAmount, fundingNote, status, startDate, endDate, midtermDate, indicators,
                extensionMonths, spent, processInstanceId, createdAt, milestones);
    }

    /** The end date and the last milestone (acceptance) move together. */
    Project withExtension(int months) {
        int last = milestones.stream().mapToInt(Milestone::seq).max().orElse(0);
        return new Project(id, code, title, measure, organizationId, applicationId, callId, applicantUserId,
                approvedAmount, fundedAmount, fundingNote, status, startDate, endDate.plusMonths(months), midtermDate,
                indicators, months, spentAmount, processInstanceId, createdAt, milestones.stream()
                        .map(m -> m.seq() == last
                                ? new Milestone(m.seq(), m.title(), m.dueDate().plusMonths(months), m.plannedAmount(), m.status())
                                : m)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    Project withProcessInstance(String id) {
        return new Project(this.id, code, title, measure, organizationId, applicationId, callId, applicantUserId,
                approvedAmount, fundedAmount, fundingNote, status, startDate, endDate, midtermDate, indicators,
                extensionMonths, spentAmount, id, createdAt, milestones);
    }

    /** The amount the instalments are planned from: what the caps left at signing, else what was approved. */
    public BigDecimal committedAmount() {
        return fundedAmount != null ? fundedAmount : approvedAmount;
    }

    @Table("milestone")
    public record Milestone(int seq, String title, LocalDate dueDate, BigDecimal plannedAmount, String status) {

        public static final String PLANNED = "PLANNED";
        public static final String ACHIEVED = "ACHIEVED";
    }
}
