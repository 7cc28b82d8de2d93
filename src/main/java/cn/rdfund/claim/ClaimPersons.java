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
 * The person a claim is for, where its measure pays for one identified person (P6.1's talent): a condition field named
 * …IdNumber, with …Name beside it. One live or paid claim per person and measure, of any enterprise: another
 * enterprise's claim is not named (a refusal must not tell who else claimed whom), the organization's own is.
 */
@Component
class ClaimPersons {

    static final String ID_NUMBER = "IdNumber";

    private final OrganizationMembers members;
    private final JdbcClient jdbc;

    ClaimPersons(OrganizationMembers members, JdbcClient jdbc) {
        this.members = members;
        this.jdbc = jdbc;
    }

    record Person(String field, String name, String idNumber) {
        String who() {
            return (name == null ? "" : name + "（") + new ResidentIdNumber(idNumber).masked() + (name == null ? "" : "）");
        }
    }

    /** The persons the facts name (a claim for no one names none). */
    static List<Person> of(ClaimFacts facts) {
        Map<String, String> conditions = facts.conditionTexts();
        List<Person> persons = new ArrayList<>();
        conditions.forEach((name, value) -> {
            if (name.endsWith(ID_NUMBER)) {
                String prefix = name.substring(0, name.length() - ID_NUMBER.length());
                persons.add(new Person(name, conditions.get(prefix + "Name"), value));
            }
        });
        return persons;
    }

    /** Why the submission may not claim its persons: another live or paid claim of the measure has them. */
    List<String> claimedElsewhere(String processInstanceId, String claimantUserId, ClaimSubmission submission) {
        List<Person> persons = of(submission.facts());
        if (persons.isEmpty()) {
            return List.of();
        }
        long organizationId = members.organizationOf(claimantUserId).orElse(-1L);
        List<String> problems = new ArrayList<>();
        for (Person person : persons) {
            jdbc.sql("""
                    SELECT pc.code, pc.organization_id FROM claim_person cp JOIN policy_claim pc ON pc.id = cp.claim_id
                    WHERE cp.id_number = :id AND pc.measure = :measure AND pc.status IN (:live)
                      AND pc.process_instance_id <> :own ORDER BY pc.id""")
                    .param("id", person.idNumber()).param("measure", submission.measure())
                    .param("live", List.copyOf(PolicyClaim.LIVE_OR_PAID)).param("own", processInstanceId)
                    .query((rs, n) -> rs.getLong("organization_id") == organizationId
                            ? "已由本单位申领（" + rs.getString("code") + "）" : "已由其他单位申领")
                    .list().stream().findFirst().ifPresent(where -> problems.add(
                            person.who() + where + "，同一人员在同一措施下不得重复申领"));
        }
        return problems;
    }

    /**
     * Keeps the claim's persons (replacing those of an earlier submission of it). A person a claim that ended unpaid
     * had is released first; one another live claim holds makes the insert fail (its unique key), so that two claims
     * submitted at the same moment cannot both have them.
     */
    void record(long claimId, String measure, ClaimFacts facts) {
        jdbc.sql("DELETE FROM claim_person WHERE claim_id = ?").param(claimId).update();
        for (Person person : of(facts)) {
            String key = measure + ":" + person.idNumber();
            jdbc.sql("""
                    UPDATE claim_person SET active_key = NULL WHERE active_key = :key
                      AND claim_id IN (SELECT id FROM policy_claim WHERE status NOT IN (:live))""")
                    .param("key", key).param("live", List.copyOf(PolicyClaim.LIVE_OR_PAID)).update();
            try {
                jdbc.sql("INSERT INTO claim_person (claim_id, person_name, id_number, active_key) VALUES (?, ?, ?, ?)")
                        .params(claimId, person.name(), person.idNumber(), key).update();
            } catch (DuplicateKeyException claimedMeanwhile) {
                // The driver's message holds the whole number: not passed on, nor logged.
                throw TaskRefusal.of(PolicyClaimProcess.TASK_SUBMIT,
                        person.who() + "已由同时提交的另一件申领申领，同一人员在同一措施下不得重复申领");
            } catch (PessimisticLockingFailureException busy) {
                throw TaskRefusal.of(PolicyClaimProcess.TASK_SUBMIT, "该人员正由另一件申领同时登记，请稍后再提交");
            }
        }
    }
}
