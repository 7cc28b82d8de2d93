package cn.rdfund.claim;

import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.policy.ClaimFacts;
import cn.rdfund.system.tasks.TaskRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a claim is for, where its measure pays once per identified person or certificate: a condition field named
 * …IdNumber (a 公民身份号码, with …Name beside it: P6.1's talent) or certificateNumber (a 注册证书: P5.1a/b). One live
 * or paid claim per subject and measure, of any enterprise: another enterprise's claim is not named (a refusal must
 * not tell who else claimed what), the organization's own is. Such a claim's "same item" is its subject, not its
 * measure, category and date: an enterprise may claim two talents or two certificates of one kind on one day.
 */
@Component
class ClaimSubjects {

    static final String ID_NUMBER = "IdNumber";
    static final String CERTIFICATE = "certificateNumber";

    private final OrganizationMembers members;
    private final JdbcClient jdbc;
    private final ClaimHolds holds;

    ClaimSubjects(OrganizationMembers members, JdbcClient jdbc, ClaimHolds holds) {
        this.members = members;
        this.jdbc = jdbc;
        this.holds = holds;
    }

    enum Kind { PERSON, CERTIFICATE }

    record Subject(Kind kind, String name, String number) {
        String who() {
            if (kind == Kind.CERTIFICATE) {
                return "注册证书编号" + number;
            }
            String masked = new ResidentIdNumber(number).masked();
            return name == null ? masked : name + "（" + masked + "）";
        }

        String sameness() {
            return kind == Kind.CERTIFICATE ? "同一证书" : "同一人员";
        }

        /** The key the subject is held by while a claim of the measure has it. */
        String key(String measure) {
            return measure + ":" + kind + ":" + number;
        }
    }

    /** The subjects the facts name (a claim for no one names none). */
    static List<Subject> of(ClaimFacts facts) {
        Map<String, String> conditions = facts.conditionTexts();
        List<Subject> subjects = new ArrayList<>();
        conditions.forEach((name, value) -> {
            if (name.endsWith(ID_NUMBER)) {
                String prefix = name.substring(0, name.length() - ID_NUMBER.length());
                subjects.add(new Subject(Kind.PERSON, conditions.get(prefix + "Name"), value));
            } else if (name.equals(CERTIFICATE)) {
                subjects.add(new Subject(Kind.CERTIFICATE, null, value));
            }
        });
        return subjects;
    }

    /** Why the submission may not claim its subjects: another live or paid claim of the measure has them. */
    List<String> claimedElsewhere(String processInstanceId, String claimantUserId, ClaimSubmission submission) {
        List<Subject> subjects = of(submission.facts());
        if (subjects.isEmpty()) {
            return List.of();
        }
        long organizationId = members.organizationOf(claimantUserId).orElse(-1L);
        Map<String, ClaimHolds.Holder> held = holds.heldElsewhere(ClaimHolds.Table.SUBJECTS,
                subjects.stream().map(subject -> subject.key(submission.measure())).toList(), processInstanceId);
        List<String> problems = new ArrayList<>();
        for (Subject subject : subjects) {
            ClaimHolds.Holder holder = held.get(subject.key(submission.measure()));
            if (holder != null) {
                problems.add(subject.who() + (holder.organizationId() == organizationId
                        ? "已由本单位申领（" + holder.code() + "）" : "已由其他单位申领") + "，" + subject.sameness()
                        + "在同一措施下不得重复申领");
            }
        }
        return problems;
    }

    /**
     * Keeps the claim's subjects (replacing those of an earlier submission of it). A subject a claim that ended unpaid
     * had is released first; one another live claim holds makes the insert fail (its unique key), so that two claims
     * submitted at the same moment cannot both have it.
     */
    void record(long claimId, String measure, ClaimFacts facts) {
        jdbc.sql("DELETE FROM claim_subject WHERE claim_id = ?").param(claimId).update();
        for (Subject subject : of(facts)) {
            String key = subject.key(measure);
            holds.releaseEnded(ClaimHolds.Table.SUBJECTS, List.of(key));
            try {
                jdbc.sql("""
                        INSERT INTO claim_subject (claim_id, kind, subject, subject_name, active_key)
                        VALUES (?, ?, ?, ?, ?)""")
                        .params(claimId, subject.kind().name(), subject.number(), subject.name(), key).update();
            } catch (DuplicateKeyException claimedMeanwhile) {
                // The driver's message holds the whole number: not passed on, nor logged.
                throw TaskRefusal.of(PolicyClaimProcess.TASK_SUBMIT,
                        subject.who() + "已由同时提交的另一件申领登记，" + subject.sameness() + "在同一措施下不得重复申领");
            } catch (PessimisticLockingFailureException busy) {
                throw TaskRefusal.of(PolicyClaimProcess.TASK_SUBMIT, "该申领事项正由另一件申领同时登记，请稍后再提交");
            }
        }
    }
}
