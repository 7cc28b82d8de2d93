package cn.rdfund.support;

import static cn.rdfund.claim.PolicyClaimProcess.*;

import cn.rdfund.disbursement.DisbursementProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Takes claims (政策兑现申领) through PolicyClaim.bpmn as the demo users would in Tasklist. */
@Component
public class ClaimDriver {

    private final LifecycleDriver lifecycle;
    private final ProcessDriver driver;
    private final TaskService taskService;

    ClaimDriver(LifecycleDriver lifecycle, ProcessDriver driver, TaskService taskService) {
        this.lifecycle = lifecycle;
        this.driver = driver;
        this.taskService = taskService;
    }

    /** The groups a claim's open tasks of that id are offered to. */
    public List<String> candidateGroups(ProcessInstance claim, String taskKey) {
        return lifecycle.tasks(claim, taskKey).stream().map(this::group).toList();
    }

    /** Each co-unit's program manager (the demo user of its group: kjj, gxj, jyj, …) agrees. */
    public void consultAll(ProcessInstance claim) {
        for (Task task : lifecycle.tasks(claim, TASK_CONSULT)) {
            driver.complete(task, group(task).substring("pm-".length()), Map.of(CONSULT_OPINION, "同意"));
        }
        lifecycle.runJobs(claim);
    }

    private String group(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).findFirst().orElseThrow();
    }

    /**
     * The claim form's fields for a measure, filled as a claimant would, the measure's own conditions met
     * ({@link #meetingConditions}); callers add the measure's facts, or change or remove a condition to see it refused.
     */
    public static Map<String, Object> form(String measure, String referenceDate) {
        Map<String, Object> form = new HashMap<>();
        form.put(CLAIM_ACTION, SUBMIT);
        form.put("measure", measure);
        form.put("claimTitle", "测试申领 " + measure);
        form.put("referenceDate", referenceDate);
        form.put("documents", "认定证书 GR2025000001\n营业执照");
        form.put("otherAwardWan", "0");
        form.put("payeeBank", "中国工商银行沈阳和平支行");
        form.put("payeeAccount", "3301 0012 3456 7890 123");
        return meetingConditions(form);
    }

    /** The claim form with the one fact the measure asks for besides (e.g. P4.3's recognitionType). */
    public static Map<String, Object> form(String measure, String referenceDate, String fact, Object value) {
        Map<String, Object> form = form(measure, referenceDate);
        form.put(fact, value);
        return form;
    }

    /**
     * The form with the measure's own conditions met (the catalogue's condition fields, judged by its award table): a
     * national centre with its approval, a life-health 医工结合 project, a CAS institute in Shenyang, 2022 output under
     * 1亿 for an above-scale enterprise, production in Shenyang, an industrial project started, completed and producing in
     * the reference date's year, a talent with a name and a 公民身份号码 no other claim has.
     */
    private static final java.util.concurrent.atomic.AtomicInteger CERTIFICATES = new java.util.concurrent.atomic.AtomicInteger(
            (int) (System.nanoTime() % 1_000_000) * 10);

    public static Map<String, Object> meetingConditions(Map<String, Object> form) {
        String measure = (String) form.get("measure");
        String year = ((String) form.get("referenceDate")).substring(0, 4);
        switch (measure) {
            case "P1.3" -> form.putIfAbsent("parkPlace", "SHENYANG");
            case "P2.2" -> form.putIfAbsent("researchDirection", "CLINICAL_COHORT");
            case "P3.1" -> form.putIfAbsent("rdInstitutionStatus", "INCLUDED");
            case "P3.2" -> form.putIfAbsent("constructionKind", "NEW");
            case "P4.1b" -> form.putIfAbsent("scaleStatus", "ABOVE_SCALE");
            case "P2.1a" -> {
                form.putIfAbsent("centreLevel", "NATIONAL");
                form.putIfAbsent("approvalNumber", "国科发社〔2025〕12号");
            }
            case "P2.3" -> {
                form.putIfAbsent("projectDomain", "LIFE_HEALTH");
                form.putIfAbsent("collaboration", "MEDICAL_ENGINEERING");
                form.putIfAbsent("partners", "中国医科大学附属第一医院、东北大学");
            }
            case "P3.3" -> {
                form.putIfAbsent("founderType", "CAS_INSTITUTE");
                form.putIfAbsent("founderName", "中国科学院金属研究所");
                form.putIfAbsent("institutionPlace", "SHENYANG");
            }
            case "P4.1a" -> {
                form.putIfAbsent("outputBeforeWan", "9000");
                form.putIfAbsent("scaleStatus", "ABOVE_SCALE");
            }
            case "P5.1a", "P5.1b" -> {
                // a certificate no other test claim has (one live claim per certificate and measure)
                String serial = String.format("%08d", CERTIFICATES.incrementAndGet());
                form.putIfAbsent("certificateNumber", measure.equals("P5.1a") ? "国药准字H" + serial : "国械注准202" + serial);
                form.putIfAbsent("productionPlace", "SHENYANG");
            }
            case "P5.2" -> {
                form.putIfAbsent("projectKind", "INDUSTRIAL");
                form.putIfAbsent("startDate", year + "-01-10");
                form.putIfAbsent("completionDate", year + "-06-30");
                form.putIfAbsent("productionDate", form.get("referenceDate"));
            }
            case "P6.1" -> {
                form.putIfAbsent("talentName", "王五");
                form.putIfAbsent("talentIdNumber", Rosters.uniqueIdNumber());
            }
            default -> { }
        }
        return form;
    }

    public ProcessInstance submit(String claimant, Map<String, Object> form) {
        ProcessInstance claim = driver.start(KEY, claimant);
        lifecycle.complete(claim, TASK_SUBMIT, claimant, form);
        return claim;
    }

    /** A claim paid per graduate (P6.3): the 学员名册 attached in the 材料 tab, then the form submitted. */
    public ProcessInstance submitWithRoster(String claimant, Map<String, Object> form, byte[] roster) {
        ProcessInstance claim = startWithRoster(claimant, roster);
        lifecycle.complete(claim, TASK_SUBMIT, claimant, form);
        return claim;
    }

    /** A claim started and its 学员名册 attached, the form not yet submitted. */
    public ProcessInstance startWithRoster(String claimant, byte[] roster) {
        ProcessInstance claim = driver.start(KEY, claimant);
        lifecycle.attach(claim, TASK_SUBMIT, claimant, "学员名册", "学员名册.xlsx", roster);
        return claim;
    }

    public void check(ProcessInstance claim, String user, String decision, String comment) {
        Map<String, Object> values = new HashMap<>(Map.of(CHECK_DECISION, decision));
        if (comment != null) {
            values.put(CHECK_COMMENT, comment);
        }
        lifecycle.complete(claim, TASK_CHECK, user, values);
    }

    public void approve(ProcessInstance claim, String user) {
        lifecycle.complete(claim, TASK_APPROVE, user, Map.of(APPROVAL_DECISION, APPROVE));
    }

    /** The notice period passes without objection. */
    public void passNotice(ProcessInstance claim, String user) {
        lifecycle.fireTimer(claim, NOTICE_ENDS);
        lifecycle.complete(claim, TASK_CONCLUDE_NOTICE, user, Map.of(NOTICE_RESULT, NO_OBJECTION));
    }

    /** Finance approves the instalment waiting for it. */
    public void financeApproves(ProcessInstance claim) {
        lifecycle.complete(claim, DisbursementProcess.TASK_APPROVE, "finance",
                Map.of(DisbursementProcess.DECISION, DisbursementProcess.APPROVE));
    }
}
