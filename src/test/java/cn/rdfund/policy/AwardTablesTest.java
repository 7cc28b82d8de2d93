package cn.rdfund.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy catalogue (bpmn/policy/PolicyMeasures.dmn) and the six award tables (bpmn/policy/awards/),
 * evaluated by Camunda's standalone DMN engine with the process engine's default FEEL set-up, give every
 * measure of 沈科发〔2024〕13号 its raw outputs at each boundary, and only inside the policy window.
 */
class AwardTablesTest {

    static final List<String> AWARD_TABLES = List.of("PlatformAwards", "ClinicalResearchAwards",
            "ServicePlatformAwards", "IndustryAwards", "ProductAwards", "TalentAwards");

    static final Map<String, String> TABLE_OF_MEASURE = new LinkedHashMap<>();

    static {
        for (String m : List.of("P1.2", "P1.3")) TABLE_OF_MEASURE.put(m, "PlatformAwards");
        for (String m : List.of("P2.1a", "P2.1b", "P2.2", "P2.3")) TABLE_OF_MEASURE.put(m, "ClinicalResearchAwards");
        for (String m : List.of("P3.1", "P3.2", "P3.3")) TABLE_OF_MEASURE.put(m, "ServicePlatformAwards");
        for (String m : List.of("P4.1a", "P4.1b", "P4.2", "P4.3")) TABLE_OF_MEASURE.put(m, "IndustryAwards");
        for (String m : List.of("P5.1a", "P5.1b", "P5.2")) TABLE_OF_MEASURE.put(m, "ProductAwards");
        for (String m : List.of("P6.1", "P6.3")) TABLE_OF_MEASURE.put(m, "TalentAwards");
    }

    static final String WINDOW = "[date(\"2024-08-30\")..date(\"2025-12-31\")]";
    static final LocalDate IN_FORCE = LocalDate.of(2025, 6, 1);
    static final List<String> AMOUNT_OUTPUTS = List.of("fixedYuan", "perUnitYuan", "ratePercent", "capYuan", "committee");

    static DefaultDmnEngineConfiguration configuration;
    static DmnEngine engine;
    static final Map<String, DmnDecision> decisions = new HashMap<>();

    @BeforeAll
    static void parseTables() {
        configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // What ProcessEngineConfigurationImpl passes by default in 7.24 (dmnFeelEnableLegacyBehavior=false,
        // dmnReturnBlankTableOutputAsNull=false): the FEEL-Scala engine, and blank output entries left out.
        configuration.enableFeelLegacyBehavior(false).setReturnBlankTableOutputAsNull(false);
        engine = configuration.buildEngine();
        decisions.put("PolicyMeasures", engine.parseDecision("PolicyMeasures", resource("PolicyMeasures")));
        for (String table : AWARD_TABLES) {
            decisions.put(table, engine.parseDecision(table, resource(table)));
        }
    }

    static String path(String decision) {
        return decision.equals("PolicyMeasures") ? "bpmn/policy/PolicyMeasures.dmn"
                : "bpmn/policy/awards/" + decision + ".dmn";
    }

    static InputStream resource(String decision) {
        InputStream in = AwardTablesTest.class.getClassLoader().getResourceAsStream(path(decision));
        assertThat(in).as(path(decision)).isNotNull();
        return in;
    }

    static List<Map<String, Object>> evaluate(String decision, Map<String, Object> variables) {
        return engine.evaluateDecision(decisions.get(decision), variables).getResultList();
    }

    static List<Map<String, Object>> catalogue(LocalDate date) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceDate", date);
        return evaluate("PolicyMeasures", variables);
    }

    /**
     * What the Java passes ({@link ClaimFacts#variables}): every input of the fixed vocabulary, absent ones as null, and
     * the measure's own conditions (its catalogue's condition fields), met.
     */
    static List<Map<String, Object>> claim(LocalDate date, String measure, String category, BigDecimal baseYuan,
            BigDecimal previousOutputYuan, BigDecimal growthPercent, Integer headcount, Boolean qualified) {
        return claim(date, measure, category, baseYuan, previousOutputYuan, growthPercent, headcount, qualified,
                Map.of());
    }

    /** The same with some of the measure's conditions changed (a value of null leaves the condition out). */
    static List<Map<String, Object>> claim(LocalDate date, String measure, String category, BigDecimal baseYuan,
            BigDecimal previousOutputYuan, BigDecimal growthPercent, Integer headcount, Boolean qualified,
            Map<String, String> changed) {
        Map<String, String> conditions = new LinkedHashMap<>(conditionsMet(measure, date));
        changed.forEach((name, value) -> {
            if (value == null) {
                conditions.remove(name);
            } else {
                conditions.put(name, value);
            }
        });
        return evaluate(TABLE_OF_MEASURE.get(measure), new ClaimFacts(date, category, baseYuan, previousOutputYuan,
                growthPercent, headcount, qualified, null, ClaimFacts.conditionsJson(conditions)).variables(measure));
    }

    /** Conditions that meet the measure, as the claim form gives them to the table (names and texts). */
    static Map<String, String> conditionsMet(String measure, LocalDate date) {
        return switch (measure) {
            case "P1.3" -> Map.of("parkPlace", "SHENYANG");
            case "P2.2" -> Map.of("researchDirection", "MAJOR_DISEASE");
            case "P3.1" -> Map.of("rdInstitutionStatus", "INCLUDED");
            case "P3.2" -> Map.of("constructionKind", "NEW");
            case "P4.1b" -> Map.of("scaleStatus", "ABOVE_SCALE");
            case "P2.3" -> Map.of("projectDomain", "LIFE_HEALTH", "collaboration", "MEDICAL_ENGINEERING",
                    "partners", "某医院、某大学");
            case "P3.3" -> Map.of("institutionPlace", "SHENYANG", "founderName", "中国科学院金属研究所");
            case "P4.1a" -> Map.of("outputBeforeYuan", "90000000.00", "scaleStatus", "ABOVE_SCALE");
            case "P5.1a" -> Map.of("productionPlace", "SHENYANG", "certificateNumber", "国药准字H20250001");
            case "P5.1b" -> Map.of("productionPlace", "SHENYANG", "certificateNumber", "国械注准20253130001");
            case "P5.2" -> Map.of("projectKind", "INDUSTRIAL", "startDate", date.toString(),
                    "completionDate", date.toString(), "productionDate", date.toString());
            default -> Map.of();
        };
    }

    @Test
    void evaluatesWithTheScalaFeelEngineThatTheProcessEngineUsesByDefault() {
        assertThat(configuration.getFeelEngine()).isInstanceOf(ScalaFeelEngine.class);
    }

    @ParameterizedTest(name = "{0} {1} base={2} prev={3} growth={4} n={5} q={6} → eligible={7} fixed={8} perUnit={9} rate={10} cap={11} committee={12}")
    @CsvSource(nullValues = "null", value = {
            // measure, category, baseYuan, previousOutputYuan, growthPercent, headcount, qualified,
            //   eligible, fixedYuan, perUnitYuan, ratePercent, capYuan, committee
            "P1.2,  KEY_LAB,                ,,,,,      true,  5000000,,, 5000000,",
            "P1.2,  TECH_INNOVATION_CENTER, ,,,,,      true,  5000000,,, 5000000,",
            "P1.2,  ENGINEERING_CENTER,     ,,,,,      true,  3000000,,, 5000000,",
            "P1.2,  ENTERPRISE_TECH_CENTER, ,,,,,      true,  2000000,,, 5000000,",
            "P1.2,  PROVINCIAL_KEY_LAB,     ,,,,,      false, ,,,,",
            "P1.2,  ,                       ,,,,,      false, ,,,,",
            "P1.3,  NATIONAL,               ,,,,,      true,  5000000,,, 5000000,",
            "P1.3,  PROVINCIAL,             ,,,,,      true,  3000000,,, 5000000,",
            "P1.3,  MUNICIPAL,              ,,,,,      true,  1000000,,, 5000000,",
            "P1.3,  KEY_LAB,                ,,,,,      false, ,,,,",
            "P2.1a, NATIONAL,               ,,,,,      true,  5000000,,, 5000000,",
            "P2.1a, PROVINCIAL,             ,,,,,      false, ,,,,",
            "P2.1a, ,                       ,,,,,      false, ,,,,",
            "P2.1b, EXCELLENT,              ,,,,,      true,  1000000,,, 1000000,",
            "P2.1b, GOOD,                   ,,,,,      true,  600000,,,  1000000,",
            "P2.1b, PASS,                   ,,,,,      true,  300000,,,  1000000,",
            "P2.1b, FAIL,                   ,,,,,      false, ,,,,",
            "P2.1b, ,                       ,,,,,      false, ,,,,",
            "P2.2,  NATIONAL,               ,,,,,      true,  ,,,        500000,",
            "P2.2,  PROVINCIAL,             ,,,,,      true,  ,,,        500000,",
            "P2.2,  MUNICIPAL,              ,,,,,      true,  ,,,        500000,",
            "P2.2,  ENTERPRISE,             ,,,,,      false, ,,,,",
            "P2.3,  ,                       ,,,,,      true,  ,,,        500000,",
            "P3.1,  EXCELLENT,              ,,,,,      true,  3000000,,, 3000000,",
            "P3.1,  GOOD,                   ,,,,,      true,  2000000,,, 3000000,",
            "P3.1,  PASS,                   ,,,,,      true,  1000000,,, 3000000,",
            "P3.1,  FAIL,                   ,,,,,      false, ,,,,",
            "P3.2,  , 1,                      ,,,,     true,  ,, 10,     10000000,",
            "P3.2,  , 300000000,              ,,,,     true,  ,, 10,     10000000,",
            "P3.2,  , 0,                      ,,,,     false, ,,,,",
            "P3.2,  , ,                       ,,,,     false, ,,,,",
            "P3.3,  CAS_INSTITUTE,          ,,,,,      true,  ,,,,       true",
            "P3.3,  QS_TOP300,              ,,,,,      true,  ,,,,       true",
            "P3.3,  OTHER,                  ,,,,,      false, ,,,,",
            "P3.3,  ,                       ,,,,,      false, ,,,,",
            "P4.1a, , , 100000001, 19.99,  , true,     false, ,,,,",
            "P4.1a, , , 100000001, 20,     , true,     true,  200000,,,  500000,",
            "P4.1a, , , 100000001, 29.99,  , true,     true,  200000,,,  500000,",
            "P4.1a, , , 100000001, 30,     , true,     true,  300000,,,  500000,",
            "P4.1a, , , 100000001, 49.99,  , true,     true,  300000,,,  500000,",
            "P4.1a, , , 100000001, 50,     , true,     true,  500000,,,  500000,",
            "P4.1a, , , 100000001, 250,    , true,     true,  500000,,,  500000,",
            "P4.1a, , , 100000000, 50,     , true,     false, ,,,,",
            "P4.1a, , , 200000000, ,       , true,     false, ,,,,",
            "P4.1a, , , ,          50,     , true,     false, ,,,,",
            "P4.1b, , 500000000,   ,,,,                false, ,,,,",
            "P4.1b, , 500000001,   ,,,,                true,  500000,,,  5000000,",
            "P4.1b, , 1000000000,  ,,,,                true,  500000,,,  5000000,",
            "P4.1b, , 1000000001,  ,,,,                true,  1000000,,, 5000000,",
            "P4.1b, , 2000000000,  ,,,,                true,  1000000,,, 5000000,",
            "P4.1b, , 2000000001,  ,,,,                true,  2000000,,, 5000000,",
            "P4.1b, , 5000000000,  ,,,,                true,  2000000,,, 5000000,",
            "P4.1b, , 5000000001,  ,,,,                true,  3000000,,, 5000000,",
            "P4.1b, , 10000000000, ,,,,                true,  3000000,,, 5000000,",
            "P4.1b, , 10000000001, ,,,,                true,  5000000,,, 5000000,",
            "P4.1b, , ,            ,,,,                false, ,,,,",
            "P4.2,  LITTLE_GIANT,           ,,,,,      true,  500000,,,,",
            "P4.2,  LIAONING_SRDI,          ,,,,,      true,  300000,,,,",
            "P4.2,  SINGLE_CHAMPION,        ,,,,,      false, ,,,,",
            "P4.3,  FIRST,                  ,,,,,      true,  200000,,,  200000,",
            "P4.3,  RE,                     ,,,,,      true,  100000,,,  100000,",
            "P4.3,  RELOCATED,              ,,,,,      true,  200000,,,  200000,",
            "P4.3,  ,                       ,,,,,      false, ,,,,",
            "P5.1a, CLASS1,                 ,,,, true, true,  3000000,,, 3000000,",
            "P5.1a, CLASS2,                 ,,,, true, true,  2000000,,, 3000000,",
            "P5.1a, CLASS3,                 ,,,, true, true,  1000000,,, 3000000,",
            "P5.1a, ,                       ,,,, true, false, ,,,,",
            "P5.1b, INNOVATIVE,             ,,,, true, true,  3000000,,, 3000000,",
            "P5.1b, CLASS3,                 ,,,, true, true,  2000000,,, 3000000,",
            "P5.1b, CLASS2,                 ,,,, true, false, ,,,,",
            "P5.2,  , 49999999,   ,,, true,            false, ,,,,",
            "P5.2,  , 50000000,   ,,, true,            true,  1000000,,,,",
            "P5.2,  , 80000000,   ,,, true,            true,  1000000,,,,",
            "P6.1,  A,                      ,,,,,      true,  300000,,,,",
            "P6.1,  B,                      ,,,,,      true,  200000,,,,",
            "P6.1,  C,                      ,,,,,      true,  100000,,,,",
            "P6.1,  CATALOGUE,              ,,,,,      true,  30000,,,,",
            "P6.1,  D,                      ,,,,,      false, ,,,,",
            "P6.3,  , ,,, 0,  true,                    false, ,,,,",
            "P6.3,  , ,,, 1,  true,                    true,  , 5000,,,",
            "P6.3,  , ,,, 12, true,                    true,  , 5000,,,",
            "P6.3,  , ,,, 5,  false,                   false, ,,,,",
            "P6.3,  , ,,, ,   true,                    false, ,,,,",
    })
    void givesEachMeasureItsRowAtEveryBoundaryOnlyInsideThePolicyWindow(String measure, String category,
            BigDecimal baseYuan, BigDecimal previousOutputYuan, BigDecimal growthPercent, Integer headcount,
            Boolean qualified, boolean eligible, Long fixedYuan, Long perUnitYuan, Integer ratePercent, Long capYuan,
            Boolean committee) {
        List<Map<String, Object>> rows = claim(IN_FORCE, measure, category, baseYuan, previousOutputYuan,
                growthPercent, headcount, qualified);

        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("policyVersion")).isEqualTo("2024");
        assertThat(row.get("eligible")).isEqualTo(eligible);
        assertThat((String) row.get("basis")).isNotBlank();
        Map<String, Object> amounts = new HashMap<>();
        for (String output : AMOUNT_OUTPUTS) {
            amounts.put(output, row.get(output));
        }
        Map<String, Object> expected = new HashMap<>();
        expected.put("fixedYuan", fixedYuan);
        expected.put("perUnitYuan", perUnitYuan);
        expected.put("ratePercent", ratePercent);
        expected.put("capYuan", capYuan);
        expected.put("committee", committee);
        assertThat(amounts).isEqualTo(expected);

        // The same row on the first and the last day of the window, and no row at all the day before or after.
        for (LocalDate edge : List.of(LocalDate.of(2024, 8, 30), LocalDate.of(2025, 12, 31))) {
            assertThat(claim(edge, measure, category, baseYuan, previousOutputYuan, growthPercent, headcount, qualified))
                    .as("on %s", edge).containsExactly(row);
        }
        for (LocalDate outside : List.of(LocalDate.of(2024, 8, 29), LocalDate.of(2026, 1, 1))) {
            assertThat(claim(outside, measure, category, baseYuan, previousOutputYuan, growthPercent, headcount,
                    qualified)).as("on %s", outside).isEmpty();
        }
    }

    /**
     * Each condition the seed sets a measure besides its amounts (沈科发〔2024〕13号 第二部分) is a row of the measure's
     * award table: a claim meeting every other condition and missing this one gets this one's reason; the bound
     * itself (2022 output of exactly 1亿: the 2023 output is still its first over 1亿; a start on 1 January of the
     * reference date's year) is met.
     */
    @ParameterizedTest(name = "{0}: {1} = {2} → {3}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "P1.3  | parkPlace        | ELSEWHERE           | 大学科技园不在沈阳",
            "P2.2  | researchDirection | OTHER              | 研究方向不是重大疾病和重大传染性疾病预防技术研发或大型临床研究队列构建",
            "P2.2  | researchDirection | INFECTIOUS_PREVENTION | ",
            "P3.1  | rdInstitutionStatus | NOT_INCLUDED     | 未纳入新型研发机构管理体系",
            "P3.2  | constructionKind | EXPANSION           | 不是投资新建的平台",
            "P4.1b | scaleStatus      | BELOW_SCALE         | 不是规模以上工业企业",
            "P2.3  | projectDomain    | OTHER               | 项目不属于生命健康领域",
            "P2.3  | projectDomain    | null                | 项目不属于生命健康领域",
            "P2.3  | collaboration    | SINGLE              | 不是医疗卫生机构与高校、科研院所或企业联合攻关的医工结合项目",
            "P3.3  | institutionPlace | ELSEWHERE           | 研发机构不在沈阳设立",
            "P4.1a | scaleStatus      | BELOW_SCALE         | 不是规模以上工业企业",
            "P4.1a | outputBeforeYuan | 100000000.01        | 2022年工业总产值已超过1亿元，2023年不是首次突破1亿元",
            "P4.1a | outputBeforeYuan | 100000000.00        | ",
            "P5.1a | productionPlace  | ELSEWHERE           | 生产地址不在沈阳",
            "P5.1b | productionPlace  | ELSEWHERE           | 生产地址不在沈阳",
            "P5.1a | certificateNumber | 国械注准20253130001 | 所填注册证书编号不是药品注册证书",
            "P5.1b | certificateNumber | 国药准字H20250001  | 所填注册证编号不是医疗器械注册证",
            "P5.2  | projectKind      | REAL_ESTATE         | 房地产项目不在支持范围",
            "P5.2  | startDate        | 2024-12-31          | 开工、竣工、投产须在同一年",
            "P5.2  | startDate        | 2025-01-01          | ",
            "P5.2  | productionDate   | 2025-05-31          | 开工、竣工、投产日期先后不符",
    })
    void aClaimMissingOneOfItsMeasuresConditionsGetsThatConditionsReason(String measure, String condition,
            String value, String reason) {
        Map<String, String> changed = new HashMap<>();
        changed.put(condition, value);
        List<Map<String, Object>> rows = switch (measure) {
            case "P1.3" -> claim(IN_FORCE, measure, "NATIONAL", null, null, null, null, null, changed);
            case "P2.2" -> claim(IN_FORCE, measure, "NATIONAL", null, null, null, null, null, changed);
            case "P3.1" -> claim(IN_FORCE, measure, "EXCELLENT", null, null, null, null, null, changed);
            case "P3.2" -> claim(IN_FORCE, measure, null, new BigDecimal("1"), null, null, null, null, changed);
            case "P4.1b" -> claim(IN_FORCE, measure, null, new BigDecimal("500000001"), null, null, null, null, changed);
            case "P3.3" -> claim(IN_FORCE, measure, "CAS_INSTITUTE", null, null, null, null, null, changed);
            case "P4.1a" -> claim(IN_FORCE, measure, null, null, new BigDecimal("100000001"), new BigDecimal("20"),
                    null, null, changed);
            case "P5.1a" -> claim(IN_FORCE, measure, "CLASS1", null, null, null, null, null, changed);
            case "P5.1b" -> claim(IN_FORCE, measure, "INNOVATIVE", null, null, null, null, null, changed);
            case "P5.2" -> claim(IN_FORCE, measure, null, new BigDecimal("50000000"), null, null, null, null, changed);
            default -> claim(IN_FORCE, measure, null, null, null, null, null, null, changed);
        };

        assertThat(rows).hasSize(1);
        if (reason == null) {
            assertThat(rows.get(0).get("eligible")).as("the bound is met").isEqualTo(true);
        } else {
            assertThat(rows.get(0).get("eligible")).isEqualTo(false);
            assertThat((String) rows.get(0).get("basis")).startsWith(reason);
        }
    }

    @Test
    void statesTheMatchedRuleAndTheRefusalReasonInWords() {
        assertThat(claim(IN_FORCE, "P4.3", "FIRST", null, null, null, null, null).get(0).get("basis"))
                .isEqualTo("首次认定国家高新技术企业：20万元");
        assertThat(claim(IN_FORCE, "P2.1b", "FAIL", null, null, null, null, null).get(0).get("basis"))
                .isEqualTo("绩效评价不合格或未评价，不予奖励");
        assertThat(claim(IN_FORCE, "P4.1b", null, new BigDecimal("500000000"), null, null, null, null).get(0)
                .get("basis")).isEqualTo("2024年全年工业总产值增量未超过5亿元，不予奖励");
    }

    @ParameterizedTest(name = "{0}: {1} rows")
    @CsvSource({"2024-08-29, 0", "2024-08-30, 1", "2025-12-31, 1", "2026-01-01, 0"})
    void everyTableAndTheCatalogueApplyFrom20240830To20251231Inclusive(LocalDate date, int rowsPerMeasure) {
        assertThat(catalogue(date)).hasSize(18 * rowsPerMeasure);
        TABLE_OF_MEASURE.forEach((measure, table) -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("referenceDate", date);
            variables.put("measure", measure);
            assertThat(evaluate(table, variables)).as("%s %s", table, measure).hasSize(rowsPerMeasure);
        });
    }

    @Test
    void listsTheEighteenMeasuresOfThe2024PolicyWithTheirRulesAndUnits() {
        List<Map<String, Object>> rows = catalogue(IN_FORCE);

        assertThat(rows).extracting(row -> row.get("measure")).containsExactlyElementsOf(TABLE_OF_MEASURE.keySet());
        Set<String> units = Set.of("KJJ", "FGW", "GXJ", "RSJ", "WJW", "JYJ");
        for (Map<String, Object> row : rows) {
            assertThat(row).as("%s", row.get("measure")).containsEntry("policyVersion", "2024")
                    .containsEntry("validFrom", "2024-08-30").containsEntry("validTo", "2025-12-31");
            assertThat((String) row.get("measureName")).isNotBlank();
            assertThat((String) row.get("recipient")).isNotBlank();
            assertThat((String) row.get("ruleText")).isNotBlank().contains("二(");
            assertThat((String) row.get("leadUnit")).isIn(units);
            String coUnits = (String) row.get("coUnits");
            assertThat(coUnits).isNotNull();
            if (!coUnits.isEmpty()) {
                assertThat(coUnits.split(",")).allSatisfy(unit -> assertThat(unit).isIn(units));
            }
            assertThat(row.get("categoryLabel")).isInstanceOf(String.class);
            ClaimFields fields = ClaimFields.parse((String) row.get("claimFields"));
            assertThat(fields.category().isPresent()).as("%s 有类别字段当且仅当有“类别”含义", row.get("measure"))
                    .isEqualTo(!((String) row.get("categoryLabel")).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0} → {1}, lead {2}, co [{3}], 类别 [{4}]")
    @CsvSource({
            "P1.2,  PlatformAwards,         KJJ, FGW,     平台类型",
            "P1.3,  PlatformAwards,         KJJ, '',      大学科技园级别",
            "P2.1a, ClinicalResearchAwards, KJJ, WJW,     临床医学研究中心级别",
            "P2.1b, ClinicalResearchAwards, KJJ, WJW,     绩效评价结果",
            "P2.2,  ClinicalResearchAwards, KJJ, WJW,     临床医学研究中心级别",
            "P2.3,  ClinicalResearchAwards, KJJ, '',      ''",
            "P3.1,  ServicePlatformAwards,  KJJ, '',      绩效评价结果",
            "P3.2,  ServicePlatformAwards,  FGW, KJJ,     ''",
            "P3.3,  ServicePlatformAwards,  KJJ, '',      设立主体类别",
            "P4.1a, IndustryAwards,         GXJ, '',      ''",
            "P4.1b, IndustryAwards,         GXJ, '',      ''",
            "P4.2,  IndustryAwards,         GXJ, '',      认定类型",
            "P4.3,  IndustryAwards,         KJJ, '',      认定类型",
            "P5.1a, ProductAwards,          KJJ, '',      药品类别",
            "P5.1b, ProductAwards,          KJJ, '',      器械类别",
            "P5.2,  ProductAwards,          FGW, GXJ,     ''",
            "P6.1,  TalentAwards,           RSJ, 'KJJ,GXJ', 人才类别",
            "P6.3,  TalentAwards,           RSJ, JYJ,     ''",
    })
    void namesEachMeasuresAwardTableLeadAndCoUnits(String measure, String awardTable, String leadUnit,
            String coUnits, String categoryLabel) {
        Map<String, Object> row = catalogue(IN_FORCE).stream().filter(r -> measure.equals(r.get("measure")))
                .findFirst().orElseThrow();

        assertThat(row).containsEntry("awardTable", awardTable).containsEntry("leadUnit", leadUnit)
                .containsEntry("coUnits", coUnits).containsEntry("categoryLabel", categoryLabel);
    }

    @Test
    void mentionsTheDistrictGovernmentsInTheOneByOneRuleAndTheThreeYearSplitForTalents() {
        Map<String, String> ruleText = catalogue(IN_FORCE).stream()
                .collect(Collectors.toMap(r -> (String) r.get("measure"), r -> (String) r.get("ruleText")));

        assertThat(ruleText.get("P3.3")).contains("一事一议", "区县（市）人民政府", "二(三)3");
        assertThat(ruleText.get("P6.1")).contains("分三年", "二(六)1");
        assertThat(ruleText.get("P4.1b")).contains("默认档次", "可调整", "500万元", "二(四)1");
    }

    @Test
    void everyCatalogueRowNamesAnAwardTableWhoseCatchAllRowRefusesThatMeasure() {
        for (Map<String, Object> row : catalogue(IN_FORCE)) {
            String table = (String) row.get("awardTable");
            assertThat(table).as("%s", row.get("measure")).isIn(AWARD_TABLES);
            Map<String, Object> variables = new HashMap<>();
            variables.put("referenceDate", IN_FORCE);
            variables.put("measure", row.get("measure"));

            List<Map<String, Object>> hit = evaluate(table, variables);

            assertThat(hit).as("%s in %s", row.get("measure"), table).hasSize(1);
            assertThat(hit.get(0)).containsEntry("eligible", false).containsEntry("policyVersion", "2024");
            assertThat((String) hit.get(0).get("basis")).isNotBlank();
        }
    }

    @Test
    void keepsEveryRuleInsideTheWindowAndEndsEachMeasureWithOneCatchAllRow() {
        for (String name : AWARD_TABLES) {
            DmnModelInstance model = Dmn.readModelFromStream(resource(name));
            Decision decision = model.getModelElementById(name);
            assertThat(decision).as(name).isNotNull();
            assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
            DecisionTable table = (DecisionTable) decision.getExpression();
            assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
            assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getTextContent()).startsWith(
                    "referenceDate", "measure");
            assertThat(table.getOutputs()).extracting(o -> o.getName()).containsExactly("policyVersion", "eligible",
                    "basis", "fixedYuan", "perUnitYuan", "ratePercent", "capYuan", "committee");
            Map<String, Integer> catchAllRows = new HashMap<>();
            List<Rule> rules = List.copyOf(table.getRules());
            for (int n = 0; n < rules.size(); n++) {
                Rule rule = rules.get(n);
                assertThat(rule.getId()).isEqualTo("Rule_" + name + "_" + (n + 1));
                List<String> entries = rule.getInputEntries().stream().map(e -> e.getTextContent().trim()).toList();
                assertThat(entries.get(0)).as(rule.getId()).isEqualTo(WINDOW);
                if (entries.subList(2, entries.size()).stream().allMatch("-"::equals)) {
                    catchAllRows.merge(entries.get(1), 1, Integer::sum);
                    // nothing for this measure may follow its catch-all row
                    rules.subList(n + 1, rules.size()).forEach(later -> assertThat(
                            List.copyOf(later.getInputEntries()).get(1).getTextContent().trim()).as(later.getId())
                            .isNotEqualTo(entries.get(1)));
                }
            }
            Set<String> measures = TABLE_OF_MEASURE.entrySet().stream().filter(e -> e.getValue().equals(name))
                    .map(e -> "\"" + e.getKey() + "\"").collect(Collectors.toSet());
            assertThat(catchAllRows).as(name).containsOnlyKeys(measures).allSatisfy((m, count) -> assertThat(count)
                    .isEqualTo(1));
        }
    }

    @Test
    void referenceDateStaysUntypedBecauseTypeRefDateRejectsLocalDate() {
        DmnModelInstance model = Dmn.readModelFromStream(resource("PolicyMeasures"));
        assertThat(model.getModelElementsByType(InputExpression.class)).singleElement()
                .satisfies(e -> assertThat(e.getTypeRef()).isNull());
        model.getModelElementsByType(InputExpression.class).forEach(e -> e.setTypeRef("date"));
        DmnDecision typed = engine.parseDecision("PolicyMeasures", model);
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceDate", IN_FORCE);

        assertThatThrownBy(() -> engine.evaluateDecision(typed, variables)).isInstanceOf(DmnEngineException.class)
                .hasMessageContaining("LocalDate");
    }
}
