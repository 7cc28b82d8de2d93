package cn.rdfund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.rdfund.policy.ClaimFacts;
import cn.rdfund.policy.ClaimFields;
import cn.rdfund.policy.PolicyMeasure;
import cn.rdfund.support.ClaimDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the claim form must carry for a measure's table to judge it, in yuan; and what the form shows for each measure
 * of the catalogue, its hide rules and texts evaluated in FEEL over the variables the claim task gets.
 */
class ClaimFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The form in the repository (the tests run from its root). */
    private static final String FORM_FILE = "bpmn/claim/ClaimForm.form";
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.+?)}}");

    private static ClaimForm.Parsed parse(Map<String, Object> form) {
        return ClaimForm.parse(form, TODAY, CatalogueFile::claimFields);
    }

    @Test
    void readsAmountsTypedIn万元AsExactYuan() {
        Map<String, Object> form = ClaimDriver.form("P4.1a", "2025-03-01");
        form.put("previousOutputWan", "10000.01");
        form.put("growthPercent", "20");
        ClaimDriver.meetingConditions(form);
        form.put("otherAwardWan", "");

        ClaimForm.Parsed parsed = parse(form);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.submission().facts().previousOutputYuan()).isEqualByComparingTo("100000100");
        assertThat(parsed.submission().facts().growthPercent()).isEqualByComparingTo("20");
        assertThat(parsed.submission().otherAward()).isZero();
    }

    @Test
    void asksForWhatTheCatalogueSaysTheMeasureNeeds() {
        assertThat(parse(ClaimDriver.form("P6.3", "2025-03-01")).problems())
                .as("P6.3's head count comes from its 学员名册, checked against the document (TraineeRosterClaimTest)").isEmpty();
        assertThat(parse(ClaimDriver.form("P3.2", "2025-03-01")).problems())
                .containsExactly("请填写基数金额（万元，如 12000 或 5000.5）");
        Map<String, Object> talent = ClaimDriver.form("P6.1", "2025-03-01");
        talent.remove("talentName");
        talent.remove("talentIdNumber");
        assertThat(parse(talent).problems()).containsExactly("请选择类别", "请填写「人才姓名」（不超过200字）",
                "「人才公民身份号码」应为18位（最后一位可为X）");
        assertThat(parse(ClaimDriver.form("P4.3", "2025-03-01", "recognitionType", "BOGUS")).problems())
                .as("a value no list offers, refused before the lead unit sees it")
                .containsExactly("「认定类型」不能是「BOGUS」：请从列表中选择");
        assertThat(parse(ClaimDriver.form("P3.2", "2025-03-01", "baseWan", "0")).problems())
                .containsExactly("基数金额应大于0");
        assertThat(parse(ClaimDriver.form("P3.2", "2025-03-01", "baseWan", "0.01")).problems()).isEmpty();
        Map<String, Object> investment = ClaimDriver.meetingConditions(ClaimDriver.form("P5.2", "2025-03-01"));
        assertThat(parse(investment).problems()).containsExactly("请填写年内完成投资总额（万元）",
                "请填写其中的土地购置费（万元，没有填0）");
        investment.put("investmentWan", "5000");
        investment.put("landCostWan", "5000.01");
        assertThat(parse(investment).problems()).containsExactly("土地购置费不能大于投资总额");
        investment.put("landCostWan", "0");
        assertThat(parse(investment).submission().facts().baseYuan()).isEqualByComparingTo("50000000");
        assertThat(parse(ClaimDriver.form("P4.2", "2025-03-01")).problems()).containsExactly("请选择类别");
        Map<String, Object> highTech = ClaimDriver.form("P4.3", "2025-03-01");
        highTech.put("recognitionType", "FIRST");
        assertThat(parse(highTech).submission().facts().category()).isEqualTo("FIRST");
    }

    @Test
    void readsEachOfTheMeasuresConditionsByItsKindOfField() {
        Map<String, Object> project = ClaimDriver.form("P5.2", "2025-10-01");
        project.put("investmentWan", "6000");
        project.put("landCostWan", "0");
        project.put("projectKind", "SHOPPING_MALL");
        project.put("startDate", "2025-01-10");
        project.put("completionDate", "2026-12-03");
        project.remove("productionDate");

        assertThat(parse(project).problems()).as("each condition missing or malformed is named by its label")
                .containsExactly("「项目类型」不能是「SHOPPING_MALL」：请从列表中选择", "「竣工日期」不能晚于今天",
                        "请填写「投产日期」（日期，如 2025-03-01）");

        project.put("projectKind", "REAL_ESTATE");
        project.put("completionDate", "2025-06-30T00:00:00");
        project.put("productionDate", "2025-10-01");
        ClaimFacts facts = parse(project).submission().facts();
        assertThat(facts.conditionTexts()).containsExactly(Map.entry("projectKind", "REAL_ESTATE"),
                Map.entry("startDate", "2025-01-10"), Map.entry("completionDate", "2025-06-30"),
                Map.entry("productionDate", "2025-10-01"), Map.entry("investmentYuan", "60000000.00"),
                Map.entry("landCostYuan", "0.00"));
        assertThat(facts.qualified()).as("no tick: the award table judges the conditions").isNull();

        Map<String, Object> firstOverOneYi = ClaimDriver.form("P4.1a", "2025-03-01");
        firstOverOneYi.put("previousOutputWan", "10000.01");
        firstOverOneYi.put("growthPercent", "20");
        firstOverOneYi.put("scaleStatus", "ABOVE_SCALE");
        firstOverOneYi.remove("outputBeforeWan");
        assertThat(parse(firstOverOneYi).problems()).containsExactly("请填写「2022年工业总产值（万元）」（万元，如 8000 或 9500.5）");
        firstOverOneYi.put("outputBeforeWan", "9999.99");
        assertThat(parse(firstOverOneYi).submission().facts().conditionTexts())
                .as("an amount in 万元 reaches the table in yuan, under the name ending in Yuan")
                .containsEntry("outputBeforeYuan", "99999900.00");

        Map<String, Object> drug = ClaimDriver.form("P5.1a", "2025-03-01", "drugClass", "CLASS1");
        drug.put("productionPlace", "SHENYANG");
        drug.put("certificateNumber", "x".repeat(201));
        assertThat(parse(drug).problems()).containsExactly("请填写「注册证书编号」（不超过200字）");
        for (String unlike : List.of("国药准字Н20250001", "國藥準字H20250001", "H20250001", "国药准字H2025\u31649001",
                "国药准字H2025\u034f0001", "国药准字H20250001号")) {
            drug.put("certificateNumber", unlike);
            assertThat(parse(drug).problems()).as(unlike).singleElement().asString().satisfiesAnyOf(
                    problem -> assertThat(problem).startsWith("「注册证书编号」格式不符：药品注册证书如 国药准字H20250001"),
                    problem -> assertThat(problem).startsWith("「注册证书编号」只能填写一行文字"));
        }
        drug.put("certificateNumber", "国药准字ｈ２０２５ ０００１");
        assertThat(parse(drug).submission().facts().conditionTexts()).containsEntry("certificateNumber", "国药准字H20250001");
    }

    @Test
    void everyConditionTheCatalogueNamesIsAFieldOfTheFormShownForItsMeasure() {
        ClaimFormDefinition form = ClaimFormDefinition.deployed();
        for (PolicyMeasure measure : CatalogueFile.MEASURES) {
            for (String condition : measure.claimFields().conditions()) {
                assertThat(form.measureFields()).as(measure.measure() + " " + condition).contains(condition);
                assertThat(form.fieldType(condition)).as(condition).isIn("select", "radio", "datetime", "textfield");
            }
        }
        assertThat(CatalogueFile.MEASURES.stream().filter(m -> m.claimFields().has(ClaimFields.Fact.QUALIFIED)))
                .as("no measure of the 2024 catalogue rests on a tick any more").isEmpty();
    }

    @Test
    void aCertificateNumberIsOneKeyHoweverItIsTyped() {
        assertThat(ClaimConditionFields.certificate("国药准字ｈ２０２５\u3000０００１ ")).isEqualTo("国药准字H20250001");
        assertThat(ClaimConditionFields.certificate("国械注准 20253130001")).isEqualTo("国械注准20253130001");
    }

    @Test
    void asksForTheAccountTheAwardIsPaidInto() {
        Map<String, Object> form = ClaimDriver.form("P3.2", "2025-03-01", "baseWan", "100");
        form.remove("payeeBank");
        form.put("payeeAccount", "1234-567");
        assertThat(parse(form).problems()).containsExactly("请填写开户银行（不超过100字，如 中国工商银行沈阳和平支行）",
                "请填写银行账号（8至32位数字，可含空格）");
        form.put("payeeBank", "中国银行沈阳分行");
        form.put("payeeAccount", " 1234 5678\u3000901 ");
        assertThat(parse(form).submission().payee()).isEqualTo(new Payee("中国银行沈阳分行", "12345678901"));
        assertThat(new Payee("中国银行沈阳分行", "12345678901").display()).isEqualTo("中国银行沈阳分行 1234 5678 901");
        assertThat(Payee.bankName("中国银行股份有限公司沈阳浑南支行（营业部）")).isTrue();
        for (String account : List.of("中国工商银行 账号６２１７０００", "中国工商银行 6217 0000 1111", "中国工商银行 六二一七零零零零一",
                "中国工商银行 ⑥②①⑦", "中国工商银行 \u0666\u0662", "中国工商银行\u2800\u2800改为其他账户", "中国工商银行 𝟔𝟐")) {
            assertThat(Payee.bankName(account)).as(account).isFalse();
        }
    }

    @Test
    void refusesAReferenceDateInTheFuture() {
        Map<String, Object> form = ClaimDriver.form("P3.2", "2026-12-02");
        form.put("baseWan", "100");

        assertThat(parse(form).problems()).containsExactly("参照日期不能晚于今天");
    }

    @Test
    void forgetsAnOtherAwardWaiverWhenNoOtherAwardIsDeclared() {
        Map<String, Object> form = ClaimDriver.form("P3.2", "2025-03-01");
        form.put("baseWan", "100");
        form.put("otherAwardWaived", true);

        assertThat(parse(form).submission().otherAwardWaived()).isFalse();
    }

    @Test
    void everyCategoryTheCatalogueNamesIsAListOfTheFormWhoseLabelsTheClaimShows() {
        ClaimFormDefinition form = ClaimFormDefinition.deployed();
        CatalogueFile.MEASURES.forEach(m -> m.claimFields().category()
                .ifPresent(list -> assertThat(form.hasList(list)).as(m.measure() + " " + list).isTrue()));
        assertThat(form.label("platformType", "ENTERPRISE_TECH_CENTER")).isEqualTo("国家企业技术中心");
        assertThat(form.label("talentCategory", "CATALOGUE")).isEqualTo("按紧缺人才需求目录引进的人才");
    }

    @Test
    void theFormShowsEachMeasureExactlyTheFieldsItsCatalogueRowNames() throws IOException {
        Map<String, Object> variables = taskVariables();
        for (PolicyMeasure measure : CatalogueFile.MEASURES) {
            assertThat(shownMeasureFields(variables, "SUBMIT", measure.measure())).as(measure.measure())
                    .containsExactlyInAnyOrderElementsOf(ClaimForm.formFields(measure.claimFields()));
            assertThat(shownMeasureFields(variables, "WITHDRAW", measure.measure())).as(measure.measure()).isEmpty();
        }
        assertThat(shownMeasureFields(variables, "SUBMIT", "P4.1a"))
                .containsExactlyInAnyOrder("previousOutputWan", "growthPercent", "outputBeforeWan", "scaleStatus");
        assertThat(shownMeasureFields(variables, "SUBMIT", "P2.2")).containsExactlyInAnyOrder("centreLevel", "requestedWan",
                "researchDirection");
        assertThat(shownMeasureFields(variables, "SUBMIT", "P6.3")).as("the 学员名册 text, no head count to type")
                .containsExactly("roster");
        assertThat(shownMeasureFields(variables, "SUBMIT", null)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMeasureListAndTheSelectedMeasuresRuleAndConditionsComeFromTheCatalogue() throws IOException {
        Map<String, Object> variables = taskVariables();
        assertThat((List<Object>) variables.get(ClaimFormOptions.CLAIMABLE_MEASURES)).hasSize(18)
                .contains(Map.of("label", "P1.2 国家级科技创新平台奖励", "value", "P1.2"));
        JsonNode form = JSON.readTree(new File(FORM_FILE));
        JsonNode select = component(form, "Field_Measure");
        assertThat(select.path("valuesKey").asText()).isEqualTo(ClaimFormOptions.CLAIMABLE_MEASURES);
        assertThat(select.has("values")).isFalse();

        Map<String, Object> p52 = with(variables, "SUBMIT", "P5.2");
        assertThat(template(component(form, "Text_MeasureRule"), p52)).contains("5000万元").doesNotContain("{{");
        assertThat(template(component(form, "Text_Conditions"), p52)).contains("产业项目的建设企业");
        assertThat(hidden(component(form, "Text_MeasureRule"), with(variables, "SUBMIT", null))).isTrue();
        assertThat(hidden(component(form, "Text_MeasureRule"), p52)).isFalse();
        assertThat(hidden(component(form, "Text_Conditions"), p52)).isFalse();
        assertThat(hidden(component(form, "Text_Conditions"), with(variables, "SUBMIT", "P4.3"))).isFalse();
        assertThat(hidden(component(form, "Text_Conditions"), with(variables, "SUBMIT", null))).isTrue();
    }

    @Test
    void aMeasureWhoseCategoryListTheFormLacksIsLeftOutOfTheFormAndLogged() {
        List<PolicyMeasure> catalogue = CatalogueFile.MEASURES.stream()
                .map(m -> m.measure().equals("P1.2") ? withClaimFields(m, "category:platfromType") : m).toList();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(ClaimFormOptions.class);
        logger.addAppender(log);
        log.start();
        try {
            ClaimFormOptions options = ClaimFormOptions.of(catalogue, ClaimFormDefinition.deployed());

            assertThat(options.claimableMeasures()).hasSize(17).extracting(o -> o.get("value"))
                    .doesNotContain("P1.2").contains("P1.3");
            assertThat(options.claimMeasureTexts()).doesNotContainKey("P1.2");
            assertThat(options.claimFieldMeasures()).doesNotContainKey("platfromType");
            assertThat(options.claimFieldMeasures().values()).noneMatch(measures -> measures.contains("P1.2"));
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("P1.2", "platfromType");
        });
    }

    private static PolicyMeasure withClaimFields(PolicyMeasure m, String claimFields) {
        return new PolicyMeasure(m.measure(), m.name(), m.policyVersion(), m.validFrom(), m.validTo(), m.awardTable(),
                m.leadUnit(), m.coUnits(), m.recipient(), m.ruleText(), ClaimFields.parse(claimFields),
                m.catalogueDecisionId());
    }

    /** The variables the claim task gets, as Tasklist hands them to the form (JSON turned into lists and contexts). */
    private static Map<String, Object> taskVariables() throws IOException {
        Map<String, Object> variables = new HashMap<>();
        for (Map.Entry<String, Object> v : ClaimFormOptions.of(CatalogueFile.MEASURES, ClaimFormDefinition.deployed())
                .variables().entrySet()) {
            variables.put(v.getKey(), JSON.readValue(v.getValue().toString(), Object.class));
        }
        return variables;
    }

    private static Map<String, Object> with(Map<String, Object> variables, String action, String measure) {
        Map<String, Object> data = new HashMap<>(variables);
        data.put("claimAction", action);
        data.put("measure", measure);
        return data;
    }

    /** The fields shown only for some measures (their hide rule reads the catalogue) that are shown now. */
    private static Set<String> shownMeasureFields(Map<String, Object> variables, String action, String measure)
            throws IOException {
        Map<String, Object> data = with(variables, action, measure);
        Set<String> shown = new TreeSet<>();
        for (JsonNode c : JSON.readTree(new File(FORM_FILE)).path("components")) {
            String hide = c.path("conditional").path("hide").asText();
            // A field by its key; a text shown for a fact without a field of its own (roster) by the fact it names.
            Matcher fact = Pattern.compile(ClaimFormDefinition.FIELD_MEASURES + "\\.(\\w+)").matcher(hide);
            if (fact.find() && !hidden(c, data)) {
                shown.add(c.has("key") ? c.path("key").asText() : fact.group(1));
            }
        }
        return shown;
    }

    private static boolean hidden(JsonNode component, Map<String, Object> data) {
        String hide = component.path("conditional").path("hide").asText();
        EvaluationResult result = FEEL.evaluateExpression(hide.substring(1), data);
        assertThat(result.isSuccess()).as(hide + ": " + result).isTrue();
        assertThat(result.result()).as(hide).isInstanceOf(Boolean.class);
        return (Boolean) result.result();
    }

    private static String template(JsonNode component, Map<String, Object> data) {
        Matcher expressions = TEMPLATE.matcher(component.path("text").asText());
        StringBuilder text = new StringBuilder();
        while (expressions.find()) {
            EvaluationResult result = FEEL.evaluateExpression(expressions.group(1), data);
            assertThat(result.isSuccess()).as(expressions.group(1) + ": " + result).isTrue();
            expressions.appendReplacement(text, Matcher.quoteReplacement(String.valueOf(result.result())));
        }
        return expressions.appendTail(text).toString();
    }

    private static JsonNode component(JsonNode form, String id) {
        for (JsonNode c : form.path("components")) {
            if (id.equals(c.path("id").asText())) {
                return c;
            }
        }
        throw new AssertionError("申领表没有组件 " + id);
    }
}
