package cn.rdfund.claim;

import cn.rdfund.document.CaseDocuments;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.policy.RosterRules;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
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
    private final OrganizationMembers members;
    private final JdbcClient jdbc;
    private final ClaimHolds holds;
    private final Clock clock;
    /** Rosters read lately, by their content's SHA-256 and the day (a file reads the same until the day changes). */
    private final Cache<String, TraineeRoster.Parsed> read = Caffeine.newBuilder().maximumSize(8)
            .expireAfterWrite(Duration.ofMinutes(2)).build();

    TraineeRosters(CaseDocuments documents, RosterRules rules, OrganizationMembers members, JdbcClient jdbc,
            ClaimHolds holds, Clock clock) {
        this.documents = documents;
        this.rules = rules;
        this.members = members;
        this.jdbc = jdbc;
        this.holds = holds;
        this.clock = clock;
    }

    /**
     * As the claim is registered, in the completion's transaction: the submission with its roster's head count. The
     * check ran a moment before; a graduate another claim counted meanwhile refuses the completion all the same.
     */
    ClaimSubmission counted(String processInstanceId, String claimantUserId, ClaimSubmission submission) {
        Checked roster = check(processInstanceId, claimantUserId, submission);
        if (!roster.problems().isEmpty()) {
            throw new RosterRefused(roster.problems());
        }
        return submission.withRoster(roster.counted());
    }

    /**
     * The claim's roster (its process instance is the case its documents belong to) for this submission by the
     * claimant's organization.
     */
    Checked check(String processInstanceId, String claimantUserId, ClaimSubmission submission) {
        long organizationId = members.organizationOf(claimantUserId)
                .orElseThrow(() -> new IllegalStateException("用户" + claimantUserId + "未关联申领单位"));
        var uploaded = documents.newestRecordOf(processInstanceId, TraineeRoster.KIND);
        if (uploaded.isEmpty()) {
            return new Checked(List.of(), List.of("请先在「材料」页上传" + TraineeRoster.KIND + "（Excel，可下载模板填写），"
                    + "每名学员一行"));
        }
        LocalDate today = LocalDate.now(clock);
        // The completion's check and the registration in the same submit read the same file: parsed once.
        TraineeRoster.Parsed parsed = read.get(uploaded.get().sha256() + "@" + today,
                key -> TraineeRoster.read(documents.contentOf(uploaded.get()), today));
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
        problems.addAll(countedElsewhere(parsed.trainees(), submission.measure(), processInstanceId, organizationId));
        return new Checked(problems.isEmpty() ? parsed.trainees() : List.of(), problems);
    }

    /**
     * The graduates another live or paid claim of the measure counts: the organization's own claim is named, another
     * organization's is not (a roster must not tell who else claimed whom).
     */
    private List<String> countedElsewhere(List<TraineeRoster.Trainee> trainees, String measure,
            String processInstanceId, long organizationId) {
        if (trainees.isEmpty()) {
            return List.of();
        }
        Map<String, TraineeRoster.Trainee> byKey = new HashMap<>();
        trainees.forEach(t -> byKey.put(key(measure, t), t));
        return holds.heldElsewhere(ClaimHolds.Table.TRAINEES, byKey.keySet(), processInstanceId).entrySet().stream()
                .map(held -> Map.entry(byKey.get(held.getKey()), held.getValue().organizationId() == organizationId
                        ? "已计入本单位的申领" + held.getValue().code() : "已计入其他单位的申领"))
                .sorted(java.util.Comparator.comparingInt(found -> found.getKey().row()))
                .map(found -> TraineeRoster.KIND + found.getKey().who() + "：" + found.getValue() + "，同一学员不得重复申领")
                .distinct().toList();
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
        holds.releaseEnded(ClaimHolds.Table.TRAINEES, counted.stream().map(t -> key(measure, t)).toList());
        // In the order of their keys, whatever the rosters' order: two claims inserting the same graduates wait for
        // each other instead of locking each other.
        List<TraineeRoster.Trainee> byKey = counted.stream()
                .sorted(java.util.Comparator.comparing(t -> t.idNumber().value())).toList();
        for (TraineeRoster.Trainee t : byKey) {
            try {
                jdbc.sql("""
                        INSERT INTO claim_trainee (claim_id, row_no, trainee_name, id_number, graduated_on, joined_on,
                          contract_months, insurance_months, active_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(claimId, t.row(), t.name(), t.idNumber().value(), t.graduatedOn(), t.joinedOn(),
                                t.contractMonths(), t.insuranceMonths(), key(measure, t))
                        .update();
            } catch (DuplicateKeyException countedMeanwhile) {
                // The driver's message holds the whole number: not passed on, nor logged.
                throw new RosterRefused(List.of(TraineeRoster.KIND + t.who() + "：已计入同时提交的另一件申领，同一学员不得重复申领"));
            } catch (PessimisticLockingFailureException busy) {
                throw new RosterRefused(List.of(TraineeRoster.KIND + "中的学员正由另一件申领同时登记，请稍后再提交"));
            }
        }
    }

    /** The key a graduate is held by while a claim of the measure counts them. */
    private static String key(String measure, TraineeRoster.Trainee trainee) {
        return measure + ":" + trainee.idNumber().value();
    }

    /** The counted graduates as the lead unit's summary lists them, masked. */
    static String described(List<TraineeRoster.Trainee> counted) {
        return TraineeRoster.KIND + "计入" + counted.size() + "人：" + counted.stream().map(TraineeRoster.Trainee::who)
                .collect(java.util.stream.Collectors.joining("；"));
    }

    /** A roster found wrong as the claim is registered (another claim counted a graduate meanwhile). */
    static final class RosterRefused extends RuntimeException {

        private final List<String> problems;

        RosterRefused(List<String> problems) {
            super(String.join("；", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
