package cn.rdfund.claim;

import cn.rdfund.document.CaseDocuments;
import cn.rdfund.policy.RosterRules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The roster of a claim paid per person (P6.3): read from the newest 学员名册 the claimant uploaded on the claim,
 * every graduate judged by the decision table, and no graduate counted by another live or paid claim of the same
 * measure (of any enterprise). What is wrong is said per row, so that the claimant can correct the roster.
 */
@Service
class TraineeRosters {

    record Checked(List<TraineeRoster.Trainee> counted, List<String> problems) {
    }

    private final CaseDocuments documents;
    private final RosterRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    TraineeRosters(CaseDocuments documents, RosterRules rules, JdbcClient jdbc, Clock clock) {
        this.documents = documents;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The claim's roster (its process instance is the case its documents belong to) for this submission. */
    Checked check(String processInstanceId, ClaimSubmission submission) {
        var uploaded = documents.newestOf(processInstanceId, TraineeRoster.KIND);
        if (uploaded.isEmpty()) {
            return new Checked(List.of(), List.of("请先在「材料」页上传" + TraineeRoster.KIND + "（Excel，可下载模板填写），"
                    + "每名学员一行"));
        }
        TraineeRoster.Parsed parsed = TraineeRoster.read(uploaded.get().content(), LocalDate.now(clock));
        List<String> problems = new ArrayList<>(parsed.problems());
        RosterRules.Judge judge = rules.judge(submission.measure(), submission.facts().referenceDate());
        for (TraineeRoster.Trainee trainee : parsed.trainees()) {
            RosterRules.Verdict verdict = judge.of(new RosterRules.Person(trainee.contractMonths(),
                    trainee.insuranceMonths(), !trainee.joinedOn().isBefore(trainee.graduatedOn())));
            if (!verdict.judged()) {
                return new Checked(List.of(), List.of(verdict.reason()));
            }
            if (!verdict.counts()) {
                problems.add(TraineeRoster.KIND + trainee.who() + "：" + verdict.reason() + "，不能计入，请从名册中删除");
            }
        }
        problems.addAll(countedElsewhere(parsed.trainees(), submission.measure(), processInstanceId));
        return new Checked(problems.isEmpty() ? parsed.trainees() : List.of(), problems);
    }

    private List<String> countedElsewhere(List<TraineeRoster.Trainee> trainees, String measure,
            String processInstanceId) {
        if (trainees.isEmpty()) {
            return List.of();
        }
        Map<String, TraineeRoster.Trainee> byId = new HashMap<>();
        trainees.forEach(t -> byId.put(t.idNumber().value(), t));
        return jdbc.sql("""
                SELECT ct.id_number, pc.code, pc.organization_id FROM claim_trainee ct
                JOIN policy_claim pc ON pc.id = ct.claim_id
                WHERE ct.id_number IN (:ids) AND pc.measure = :measure AND pc.status IN (:live)
                  AND pc.process_instance_id <> :own ORDER BY ct.id""")
                .param("ids", List.copyOf(byId.keySet())).param("measure", measure)
                .param("live", List.copyOf(PolicyClaim.LIVE_OR_PAID)).param("own", processInstanceId)
                .query((rs, n) -> TraineeRoster.KIND + byId.get(rs.getString("id_number")).who() + "：已计入申领"
                        + rs.getString("code") + "，同一学员不得重复申领")
                .list();
    }

    /**
     * Keeps the counted graduates with the claim (replacing those of an earlier submission of it). A graduate a
     * claim that ended unpaid had counted is released first; one another live claim holds makes the insert fail
     * (its unique key), so that two claims submitted at the same moment cannot both count them.
     */
    void record(long claimId, String measure, List<TraineeRoster.Trainee> counted) {
        jdbc.sql("DELETE FROM claim_trainee WHERE claim_id = ?").param(claimId).update();
        if (counted.isEmpty()) {
            return;
        }
        List<String> keys = counted.stream().map(t -> measure + ":" + t.idNumber().value()).toList();
        jdbc.sql("""
                UPDATE claim_trainee SET active_key = NULL WHERE active_key IN (:keys)
                  AND claim_id IN (SELECT id FROM policy_claim WHERE status NOT IN (:live))""")
                .param("keys", keys).param("live", List.copyOf(PolicyClaim.LIVE_OR_PAID)).update();
        for (TraineeRoster.Trainee t : counted) {
            jdbc.sql("""
                    INSERT INTO claim_trainee (claim_id, row_no, trainee_name, id_number, graduated_on, joined_on,
                      contract_months, insurance_months, active_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(claimId, t.row(), t.name(), t.idNumber().value(), t.graduatedOn(), t.joinedOn(),
                            t.contractMonths(), t.insuranceMonths(), measure + ":" + t.idNumber().value())
                    .update();
        }
    }
}
