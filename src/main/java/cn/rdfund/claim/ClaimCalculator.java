package cn.rdfund.claim;

import cn.rdfund.claim.ClaimFormDefinition.Kind;
import cn.rdfund.money.Wan;
import cn.rdfund.policy.AwardFormula;
import cn.rdfund.policy.AwardRule;
import cn.rdfund.policy.AwardTables;
import cn.rdfund.policy.ClaimFacts;
import cn.rdfund.policy.ClaimFields.Fact;
import cn.rdfund.policy.MeasureCatalogue;
import cn.rdfund.policy.PolicyMeasure;
import cn.rdfund.project.EnterpriseCommitments;
import cn.rdfund.system.tasks.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * 政策计算器: what an enterprise may claim on a date and what a claim would bring, by the same catalogue, form reading
 * and award tables a claim is judged by (no second copy of a rule): the measures in force, the enterprise's claims
 * under each, its room under the 1000万 cap of key-technology projects, and an estimate for the facts it gives.
 */
@Component
class ClaimCalculator {

    /** The measure whose enterprise cap (P1.1: 1000万 over P1.1a/b/c) the overview reports. */
    private static final String CAPPED_MEASURE = "P1.1a";

    /**
     * Kinds of field that only identify or evidence the claim (a name, a number): no table reads them, so an estimate
     * neither asks for them nor needs a real person's number in a query string.
     */
    private static final Set<String> EVIDENCE = Set.of(Kind.TEXT.word, Kind.ID_NUMBER.word);
    /** A valid 公民身份号码 standing in for the person an estimate does not name. */
    private static final String SOMEONE = "11010519491231002X";

    record ClaimSeen(String code, String title, String status, String payable, String payableDisplay) {
    }

    /**
     * A field the measure's claim asks for, as the estimate reads it ({@code key}, the claim form's): its kind
     * ({@link ClaimFormDefinition.Kind}'s word: {@code choice} with its options, {@code date}, {@code amountWan},
     * {@code certificate} …), or {@code roster}: the 学员名册, estimated by the number of graduates expected.
     */
    record AskedField(String key, String label, String kind, List<Option> options) {
    }

    record Option(String value, String label) {
    }

    record MeasureSeen(String measure, String name, String leadUnit, String ruleText, String recipient,
            List<String> asks, List<AskedField> fields, List<ClaimSeen> claims) {
    }

    record Overview(long organizationId, String organizationName, LocalDate date, List<MeasureSeen> measures,
            BigDecimal keyTechnologyCommitted, BigDecimal keyTechnologyRoom, String keyTechnologyRoomDisplay) {
    }

    /** {@code eligible} false: why in {@code basis}; {@code committee}: 一事一议, no amount until it decides. */
    record Estimate(String measure, String policyVersion, boolean eligible, boolean committee, BigDecimal amount,
            String amountDisplay, String calculation, List<String> problems) {
    }

    private final MeasureCatalogue catalogue;
    private final AwardTables awards;
    private final ClaimService claims;
    private final EnterpriseCommitments commitments;
    private final AwardLists awardLists;

    ClaimCalculator(MeasureCatalogue catalogue, AwardTables awards, ClaimService claims,
            EnterpriseCommitments commitments, AwardLists awardLists) {
        this.awardLists = awardLists;
        this.catalogue = catalogue;
        this.awards = awards;
        this.claims = claims;
        this.commitments = commitments;
    }

    /** {@code readable}: which of the enterprise's claims the caller may see (a lead unit its own measures'). */
    Overview overview(long organizationId, LocalDate date, Predicate<PolicyClaim> readable) {
        List<MeasureSeen> measures = new ArrayList<>();
        for (PolicyMeasure m : catalogue.inForceOn(date)) {
            List<ClaimSeen> seen = new ArrayList<>(claims.ofOrganization(organizationId, m.measure()).stream()
                    .filter(readable).map(c -> new ClaimSeen(c.code(), c.title(), ClaimView.status(c),
                            c.payableAmount() == null ? null : c.payableAmount().toPlainString(),
                            c.payableAmount() == null ? null : Wan.format(c.payableAmount())))
                    .toList());
            awardLists.awaitingConfirmation(organizationId, m.measure()).forEach(origin -> seen.add(new ClaimSeen(null,
                    "免申即享：" + m.name(), "待企业确认（" + origin.described() + "）", null, null)));
            List<AskedField> fields = ClaimForm.formFields(m.claimFields()).stream().map(ClaimCalculator::asked)
                    .filter(field -> !EVIDENCE.contains(field.kind())).toList();
            measures.add(new MeasureSeen(m.measure(), m.name(), m.leadUnit().displayName(), m.ruleText(),
                    m.recipient(), fields.stream().map(AskedField::label).toList(), fields, seen));
        }
        BigDecimal room = commitments.room(organizationId, CAPPED_MEASURE);
        return new Overview(organizationId, claims.organizationName(organizationId), date, measures,
                commitments.committed(organizationId, CAPPED_MEASURE), room, Wan.format(room));
    }

    private static AskedField asked(String key) {
        ClaimFormDefinition form = ClaimFormDefinition.deployed();
        if ("roster".equals(key)) {
            return new AskedField("headcount", TraineeRoster.KIND + "（材料）", "roster", List.of());
        }
        List<Option> options = form.options(key).entrySet().stream().map(o -> new Option(o.getKey(), o.getValue()))
                .toList();
        return new AskedField(key, form.fieldLabel(key), form.kindOf(key).word, options);
    }

    /**
     * What a claim with these form values would be given, read by the claim form's own reading and judged by the
     * award table in force on its reference date; 从优就高 and the lead unit's check come after, with the claim.
     */
    Estimate estimate(Map<String, String> formValues, LocalDate today) {
        Map<String, Object> values = new HashMap<>(formValues);
        values.putIfAbsent(PolicyClaimProcess.CLAIM_ACTION, PolicyClaimProcess.SUBMIT);
        values.putIfAbsent("claimTitle", "试算");
        values.putIfAbsent("documents", "试算");
        values.putIfAbsent("payeeBank", "试算");
        values.putIfAbsent("payeeAccount", "00000000");
        values.putIfAbsent("qualified", true);
        if ("false".equals(values.get("qualified"))) {
            values.put("qualified", false);
        }
        String measure = (String) values.get("measure");
        Optional<PolicyMeasure> published = catalogue.published().stream().filter(m -> m.measure().equals(measure))
                .findFirst();
        if (measure != null && published.isEmpty()) {
            return new Estimate(measure, null, false, false, null, null, null, List.of("没有可申领的措施" + measure));
        }
        published.ifPresent(m -> m.claimFields().conditions().stream().map(ClaimCalculator::asked)
                .filter(field -> EVIDENCE.contains(field.kind()))
                .forEach(field -> values.putIfAbsent(field.key(),
                        Kind.ID_NUMBER.word.equals(field.kind()) ? SOMEONE : "试算")));
        // A category may be given by its label, as official lists and people write it.
        published.flatMap(m -> m.claimFields().category()).ifPresent(list -> {
            Object given = values.get(list);
            if (given instanceof String label) {
                ClaimFormDefinition.deployed().optionOf(list, label).ifPresent(value -> values.put(list, value));
            }
        });
        ClaimForm.Parsed parsed = ClaimForm.parse(values, today, catalogue::claimFields);
        if (!parsed.problems().isEmpty()) {
            return new Estimate(measure, null, false, false, null, null, null, parsed.problems());
        }
        ClaimSubmission submission = parsed.submission();
        if (catalogue.claimFields(submission.measure(), submission.facts().referenceDate()).has(Fact.ROSTER)) {
            // Paid per graduate on a roster: estimated for as many as the enterprise says would count.
            Integer graduates = FormValues.integer(values.get("headcount"));
            if (graduates == null || graduates < 1) {
                return new Estimate(measure, null, false, false, null, null, null,
                        List.of("请填写预计计入的学员人数（headcount，至少1人）"));
            }
            submission = submission.withHeadcount(graduates);
        }
        ClaimFacts facts = submission.facts();
        Optional<AwardRule> rule = catalogue.inForce(submission.measure(), facts.referenceDate())
                .flatMap(m -> awards.judge(m, facts));
        if (rule.isEmpty()) {
            return new Estimate(measure, null, false, false, null, null, null,
                    List.of(ClaimRules.outsideEveryWindow(submission)));
        }
        AwardFormula.Award award = AwardFormula.calculate(rule.get(), facts);
        boolean eligible = award.kind() != AwardFormula.Award.Kind.INELIGIBLE;
        return new Estimate(measure, rule.get().policyVersion(), eligible, award.committeeNeeded(), award.amount(),
                award.amount() == null ? null : Wan.format(award.amount()), award.calculation(), List.of());
    }
}
