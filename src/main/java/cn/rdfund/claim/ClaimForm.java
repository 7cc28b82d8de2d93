package cn.rdfund.claim;

import static java.util.Map.entry;

import cn.rdfund.money.WanInput;
import cn.rdfund.policy.ClaimFacts;
import cn.rdfund.system.tasks.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the claim form (bpmn/claim/ClaimForm.form): which of its fields a measure needs, and every problem with
 * what was typed. The amounts and the eligibility are the award table's business, not this class's: it only
 * makes sure the table gets the facts it reads, in yuan.
 */
final class ClaimForm {

    /** The form shows one category list per kind of measure; each measure reads its own. */
    static final Map<String, String> CATEGORY_FIELD = Map.ofEntries(entry("P1.2", "platformType"),
            entry("P1.3", "parkLevel"), entry("P2.1b", "evaluationGrade"), entry("P2.2", "centreLevel"),
            entry("P3.1", "evaluationGrade"), entry("P4.2", "srdiType"), entry("P4.3", "recognitionType"),
            entry("P5.1a", "drugClass"), entry("P5.1b", "deviceType"), entry("P6.1", "talentCategory"));
    /** The category codes as the form's lists label them, for people reading a claim. */
    private static final Map<String, Map<String, String>> CATEGORY_LABELS = Map.of(
            "platformType", Map.of("KEY_LAB", "国家重点实验室", "TECH_INNOVATION_CENTER", "国家技术创新中心",
                    "ENGINEERING_CENTER", "国家工程研究中心", "ENTERPRISE_TECH_CENTER", "国家企业技术中心"),
            "parkLevel", Map.of("NATIONAL", "国家级", "PROVINCIAL", "省级", "MUNICIPAL", "市级"),
            "centreLevel", Map.of("NATIONAL", "国家级", "PROVINCIAL", "省级", "MUNICIPAL", "市级"),
            "evaluationGrade", Map.of("EXCELLENT", "优秀", "GOOD", "良好", "PASS", "合格", "FAIL", "不合格"),
            "srdiType", Map.of("LITTLE_GIANT", "国家级专精特新“小巨人”企业", "LIAONING_SRDI", "辽宁省专精特新中小企业"),
            "recognitionType", Map.of("FIRST", "首次认定", "RE", "重新认定", "RELOCATED", "整体引进"),
            "drugClass", Map.of("CLASS1", "创新药", "CLASS2", "改良型新药", "CLASS3", "仿制药及其他"),
            "deviceType", Map.of("INNOVATIVE", "通过创新医疗器械特别审批", "CLASS3", "第三类医疗器械"),
            "talentCategory", Map.of("A", "A类高层次人才", "B", "B类高层次人才", "C", "C类高层次人才",
                    "CATALOGUE", "按紧缺人才需求目录引进的人才"));

    static String categoryLabel(String measure, String category) {
        String field = CATEGORY_FIELD.get(measure);
        return field == null ? category : CATEGORY_LABELS.getOrDefault(field, Map.of()).getOrDefault(category, category);
    }

    static final Set<String> BASE_AMOUNT = Set.of("P3.2", "P4.1b", "P5.2");
    static final Set<String> OUTPUT_GROWTH = Set.of("P4.1a");
    static final Set<String> HEADCOUNT = Set.of("P6.3");
    static final Set<String> REQUESTED = Set.of("P2.2", "P2.3");
    static final Set<String> QUALIFICATION = Set.of("P2.1a", "P2.3", "P3.3", "P4.1a", "P5.1a", "P5.1b", "P5.2", "P6.3");

    private static final int TITLE_MAX = 200;
    private static final int DOCUMENTS_MAX = 2000;
    private static final int POLICY_MAX = 200;

    private ClaimForm() {
    }

    record Parsed(List<String> problems, ClaimSubmission submission) {
    }

    static boolean withdrawn(Map<String, Object> values) {
        return PolicyClaimProcess.WITHDRAW.equals(FormValues.text(values.get(PolicyClaimProcess.CLAIM_ACTION)));
    }

    static Parsed parse(Map<String, Object> values, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (!PolicyClaimProcess.SUBMIT.equals(FormValues.text(values.get(PolicyClaimProcess.CLAIM_ACTION)))) {
            problems.add("请选择提交申领或撤回申领");
        }
        String measure = FormValues.text(values.get("measure"));
        if (measure == null || measure.isEmpty()) {
            problems.add("请选择申领的政策措施");
            return new Parsed(problems, null);
        }
        String title = FormValues.text(values.get("claimTitle"));
        if (title == null || title.isEmpty() || title.length() > TITLE_MAX) {
            problems.add("请填写申领事项名称（不超过" + TITLE_MAX + "字）");
        }
        LocalDate referenceDate = date(values.get("referenceDate"));
        if (referenceDate == null) {
            problems.add("请填写参照日期（获批、认定、取证或投产等日期）");
        } else if (referenceDate.isAfter(today)) {
            problems.add("参照日期不能晚于今天");
        }
        String category = null;
        String categoryField = CATEGORY_FIELD.get(measure);
        if (categoryField != null) {
            category = FormValues.text(values.get(categoryField));
            if (category == null || category.isEmpty()) {
                problems.add("请选择类别");
            }
        }
        BigDecimal base = BASE_AMOUNT.contains(measure)
                ? wan(values.get("baseWan"), "请填写基数金额（万元，如 12000 或 5000.5）", problems) : null;
        BigDecimal previousOutput = null;
        BigDecimal growth = null;
        if (OUTPUT_GROWTH.contains(measure)) {
            previousOutput = wan(values.get("previousOutputWan"), "请填写2023年工业总产值（万元）", problems);
            growth = percent(values.get("growthPercent"), problems);
        }
        Integer headcount = null;
        if (HEADCOUNT.contains(measure)) {
            headcount = FormValues.integer(values.get("headcount"));
            if (headcount == null || headcount < 1) {
                problems.add("请填写符合条件的订单班学员人数（至少1人）");
            }
        }
        BigDecimal requested = REQUESTED.contains(measure)
                ? wan(values.get("requestedWan"), "请填写申请金额（万元）", problems) : null;
        if (requested != null && requested.signum() == 0) {
            problems.add("申请金额应大于0");
        }
        Boolean qualified = null;
        if (QUALIFICATION.contains(measure)) {
            qualified = Boolean.TRUE.equals(values.get("qualified"));
            if (!qualified) {
                problems.add("请确认申领单位符合该措施的申领条件（见表单中的条件说明）");
            }
        }
        String documents = FormValues.text(values.get("documents"));
        if (documents == null || documents.isEmpty() || documents.length() > DOCUMENTS_MAX) {
            problems.add("请填写申领材料清单（文件名称及编号，不超过" + DOCUMENTS_MAX + "字）");
        }
        BigDecimal otherAward = BigDecimal.ZERO.setScale(2);
        String otherText = typed(values.get("otherAwardWan"));
        if (otherText != null && !otherText.isEmpty()) {
            otherAward = WanInput.toYuan(otherText).orElse(null);
            if (otherAward == null) {
                problems.add("同一事项已获其他政策奖励请填写万元金额（没有填0）");
            }
        }
        String otherPolicy = FormValues.text(values.get("otherAwardPolicy"));
        if (otherAward != null && otherAward.signum() > 0 && (otherPolicy == null || otherPolicy.isEmpty())) {
            problems.add("请填写已获奖励的政策名称及文号");
        } else if (otherPolicy != null && otherPolicy.length() > POLICY_MAX) {
            problems.add("已获奖励的政策名称不超过" + POLICY_MAX + "字");
        }
        boolean waived = Boolean.TRUE.equals(values.get("otherAwardWaived"));
        if (!problems.isEmpty()) {
            return new Parsed(problems, null);
        }
        ClaimFacts facts = new ClaimFacts(referenceDate, category, base, previousOutput, growth, headcount, qualified,
                requested);
        return new Parsed(List.of(), new ClaimSubmission(measure, title, facts, documents, otherAward,
                otherAward.signum() > 0 ? otherPolicy : null, otherAward.signum() > 0 && waived));
    }

    /** What was typed, from a text field or a number field (REST callers may send either). */
    private static String typed(Object value) {
        return value instanceof Number n ? n.toString() : FormValues.text(value);
    }

    private static LocalDate date(Object value) {
        String text = FormValues.text(value);
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal wan(Object value, String problem, List<String> problems) {
        Optional<BigDecimal> yuan = WanInput.toYuan(typed(value));
        if (yuan.isEmpty()) {
            problems.add(problem);
            return null;
        }
        return yuan.get();
    }

    private static BigDecimal percent(Object value, List<String> problems) {
        String text = typed(value);
        if (text == null || !text.matches("-?\\d{1,5}(\\.\\d{1,2})?")) {
            problems.add("请填写2024年产值增长率（%，如 23.5）");
            return null;
        }
        return new BigDecimal(text);
    }
}
