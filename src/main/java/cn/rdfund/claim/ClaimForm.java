package cn.rdfund.claim;

import cn.rdfund.money.WanInput;
import cn.rdfund.policy.ClaimFacts;
import cn.rdfund.policy.ClaimFields;
import cn.rdfund.policy.ClaimFields.Fact;
import cn.rdfund.system.tasks.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the claim form (bpmn/claim/ClaimForm.form): every problem with what was typed. Which facts a measure's claim
 * carries is the catalogue's business (PolicyMeasures' claimFields), the amounts and the eligibility the award table's:
 * this class only makes sure the table gets the facts the catalogue names, in yuan.
 */
final class ClaimForm {

    /** The catalogue's facts and the form fields that carry them (the category's field is named by the catalogue). */
    private static final Map<Fact, List<String>> FIELDS = Map.of(Fact.BASE, List.of("baseWan"),
            Fact.INVESTMENT, List.of("investmentWan", "landCostWan"),
            Fact.OUTPUT_GROWTH, List.of("previousOutputWan", "growthPercent"), Fact.HEADCOUNT, List.of("headcount"),
            Fact.REQUESTED, List.of("requestedWan"), Fact.QUALIFIED, List.of("qualified"), Fact.ROSTER, List.of("roster"));

    /** The form fields a measure with these claim fields shows. */
    static List<String> formFields(ClaimFields fields) {
        List<String> shown = new ArrayList<>();
        fields.category().ifPresent(shown::add);
        Arrays.stream(Fact.values()).filter(fields::has).forEach(fact -> shown.addAll(FIELDS.get(fact)));
        shown.addAll(fields.conditions());
        return shown;
    }

    /** Which facts a measure's claim carries on a reference date (null when none was typed): the catalogue's answer. */
    interface MeasureFields {
        ClaimFields of(String measure, LocalDate referenceDate);
    }

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

    static Parsed parse(Map<String, Object> values, LocalDate today, MeasureFields measureFields) {
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
        ClaimFields fields = measureFields.of(measure, referenceDate);
        String category = null;
        if (fields.category().isPresent()) {
            category = FormValues.text(values.get(fields.category().get()));
            ClaimConditionFields.choice(values, fields.category().get(), "请选择类别", problems);
        }
        BigDecimal base = fields.has(Fact.BASE)
                ? wan(values.get("baseWan"), "请填写基数金额（万元，如 12000 或 5000.5）", problems) : null;
        if (base != null && base.signum() == 0) {
            problems.add("基数金额应大于0");
        }
        Investment investment = null;
        if (fields.has(Fact.INVESTMENT)) {
            investment = investment(values, problems);
            base = investment == null ? null : investment.effective();
        }
        BigDecimal previousOutput = null;
        BigDecimal growth = null;
        if (fields.has(Fact.OUTPUT_GROWTH)) {
            previousOutput = wan(values.get("previousOutputWan"), "请填写2023年工业总产值（万元）", problems);
            growth = percent(values.get("growthPercent"), problems);
        }
        Integer headcount = null;
        if (fields.has(Fact.HEADCOUNT)) {
            headcount = FormValues.integer(values.get("headcount"));
            if (headcount == null || headcount < 1) {
                problems.add("请填写符合条件的订单班学员人数（至少1人）");
            }
        }
        BigDecimal requested = fields.has(Fact.REQUESTED)
                ? wan(values.get("requestedWan"), "请填写申请金额（万元）", problems) : null;
        if (requested != null && requested.signum() == 0) {
            problems.add("申请金额应大于0");
        }
        Map<String, String> kept = new java.util.LinkedHashMap<>(ClaimConditionFields.read(values, fields.conditions(),
                today, problems));
        if (investment != null) {
            // the two figures the claimant typed, kept beside the conditions for the lead unit to check
            kept.put("investmentYuan", investment.total().toPlainString());
            kept.put("landCostYuan", investment.land().toPlainString());
        }
        String conditions = ClaimFacts.conditionsJson(kept);
        Boolean qualified = null;
        if (fields.has(Fact.QUALIFIED)) {
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
        Payee payee = Payee.read(values, problems);
        if (!problems.isEmpty()) {
            return new Parsed(problems, null);
        }
        ClaimFacts facts = new ClaimFacts(referenceDate, category, base, previousOutput, growth, headcount, qualified,
                requested, conditions);
        return new Parsed(List.of(), new ClaimSubmission(measure, title, facts, documents, otherAward,
                otherAward.signum() > 0 ? otherPolicy : null, otherAward.signum() > 0 && waived, payee));
    }

    /** The year's investment and the land cost in it, in yuan, as the claimant typed them. */
    private record Investment(BigDecimal total, BigDecimal land) {
        /** 有效投资: the investment less the land cost in it (the claimant types both, the difference is not theirs). */
        BigDecimal effective() {
            return total.subtract(land);
        }
    }

    private static Investment investment(Map<String, Object> values, List<String> problems) {
        BigDecimal total = wan(values.get("investmentWan"), "请填写年内完成投资总额（万元）", problems);
        BigDecimal land = wan(values.get("landCostWan"), "请填写其中的土地购置费（万元，没有填0）", problems);
        if (total == null || land == null) {
            return null;
        }
        if (total.signum() == 0) {
            problems.add("年内完成投资总额应大于0");
        } else if (land.compareTo(total) > 0) {
            problems.add("土地购置费不能大于投资总额");
        } else if (land.compareTo(total) == 0) {
            problems.add("有效投资（投资总额减土地购置费）应大于0");
        }
        return new Investment(total, land);
    }

    /** What was typed, from a text field or a number field (REST callers may send either). */
    static String typed(Object value) {
        return value instanceof Number n ? n.toString() : FormValues.text(value);
    }

    static LocalDate date(Object value) {
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

    static BigDecimal wan(Object value, String problem, List<String> problems) {
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
