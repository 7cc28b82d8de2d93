package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.policy.MeasureCatalogue;
import cn.rdfund.policy.PolicyMeasure;
import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A new year's measures are a new version of the decision tables, deployed while the application runs: claims
 * about dates in the new window are judged by it, claims about earlier dates (judged before or after the
 * deployment) by the version that was in force then.
 */
@RdfundIntegrationTest
@ResourceLock(RdfundIntegrationTest.APPLICATION) // deploys new versions of the decision tables every claim is judged by
class PolicyVersionTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ClaimDriver drive;

    @Autowired
    ClaimService claims;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    ProcessDriver processDriver;

    private Deployment policy2026;

    @AfterEach
    void removeThe2026Policy() {
        if (policy2026 != null) {
            repositoryService.deleteDeployment(policy2026.getId(), true);
        }
    }

    @Test
    void claimsAboutTheNewWindowUseTheNewVersionAndEarlierClaimsKeepTheirs() {
        String claimant = lifecycle.newApplicant("高企");
        ProcessInstance before = checkedHighTechClaim(claimant, "2025-06-01");
        PolicyClaim judgedBefore = claims.ofProcess(before.getId()).orElseThrow();
        assertThat(judgedBefore.calculatedAmount()).isEqualByComparingTo("200000");

        policy2026 = repositoryService.createDeployment().name("2026年度政策（测试）")
                .addString("PolicyMeasures-2026.dmn", withIds(CATALOGUE_2026))
                .addString("IndustryAwards-2026.dmn", withIds(AWARDS_2026))
                .deploy();

        PolicyClaim newWindow = claims.ofProcess(checkedHighTechClaim(claimant, "2026-02-01").getId()).orElseThrow();
        assertThat(newWindow.policyVersion()).isEqualTo("2026");
        assertThat(newWindow.calculatedAmount()).isEqualByComparingTo("300000");
        assertThat(newWindow.awardDecisionVersion()).isGreaterThan(judgedBefore.awardDecisionVersion());

        PolicyClaim oldWindow = claims.ofProcess(checkedHighTechClaim(claimant, "2025-07-01").getId()).orElseThrow();
        assertThat(oldWindow.policyVersion()).isEqualTo("2024");
        assertThat(oldWindow.calculatedAmount()).isEqualByComparingTo("200000");
        assertThat(oldWindow.awardDecisionId()).isEqualTo(judgedBefore.awardDecisionId());

        PolicyClaim unchanged = claims.get(judgedBefore.id());
        assertThat(unchanged.awardDecisionId()).isEqualTo(judgedBefore.awardDecisionId());
        assertThat(unchanged.calculatedAmount()).isEqualByComparingTo("200000");

        assertThat(catalogue.inForceOn(LocalDate.parse("2026-02-01"))).extracting(PolicyMeasure::measure)
                .containsExactly("P4.3");
        assertThat(catalogue.inForceOn(LocalDate.parse("2025-06-01"))).hasSize(18);
        assertThat(catalogue.published()).extracting(PolicyMeasure::policyVersion).containsOnly("2026", "2024").hasSize(19);
    }

    @Test
    void aCorrectedVersionForTheSameWindowJudgesNewClaimsLeavesOutEndedMeasuresAndClaimsFiledBeforeKeepTheirs() {
        String claimant = lifecycle.newApplicant("高企");
        Map<String, Object> form = ClaimDriver.form("P4.3", "2025-06-01");
        form.put("recognitionType", "FIRST");
        ProcessInstance filedBefore = drive.submit(claimant, form);

        policy2026 = repositoryService.createDeployment().name("2024年度政策修订（测试）")
                .addString("PolicyMeasures-revised.dmn", withIds(revised(CATALOGUE_2026)))
                .addString("IndustryAwards-revised.dmn", withIds(revised(AWARDS_2026))).deploy();
        drive.check(filedBefore, "kjj", PASS, null);

        PolicyClaim kept = claims.ofProcess(filedBefore.getId()).orElseThrow();
        assertThat(kept.calculatedAmount()).isEqualByComparingTo("200000");
        assertThat(kept.policyVersion()).isEqualTo("2024");
        String otherClaimant = lifecycle.newApplicant("另一高企");
        PolicyClaim filedAfter = claims.ofProcess(checkedHighTechClaim(otherClaimant, "2025-06-01").getId()).orElseThrow();
        assertThat(filedAfter.calculatedAmount()).isEqualByComparingTo("300000");
        assertThat(filedAfter.policyVersion()).isEqualTo("2024修订");
        assertThat(catalogue.inForceOn(LocalDate.parse("2025-06-01"))).extracting(PolicyMeasure::measure)
                .containsExactly("P4.3");
        assertThat(catalogue.published()).extracting(PolicyMeasure::policyVersion).containsExactly("2024修订");

        Map<String, Object> ended = ClaimDriver.form("P4.2", "2025-06-01");
        ended.put("srdiType", "LITTLE_GIANT");
        ProcessInstance endedClaim = processDriver.start(PolicyClaimProcess.KEY, otherClaimant);
        assertThatThrownBy(() -> lifecycle.complete(endedClaim, TASK_SUBMIT, otherClaimant, ended))
                .hasMessageContaining("不在措施P4.2任何政策版本的有效期内");
    }

    /** The 2026 tables turned into a revision of the 2024 version, for the same window. */
    private static String revised(String tables2026) {
        return tables2026.replace("2026-01-01", "2024-08-30").replace("2026-12-31", "2025-12-31")
                .replace("\"2026\"", "\"2024修订\"");
    }

    private ProcessInstance checkedHighTechClaim(String claimant, String referenceDate) {
        Map<String, Object> form = ClaimDriver.form("P4.3", referenceDate);
        form.put("recognitionType", "FIRST");
        ProcessInstance instance = drive.submit(claimant, form);
        drive.check(instance, "kjj", PASS, null);
        return instance;
    }

    /** Modeler gives every clause, rule and entry an id; so does this. */
    private static String withIds(String xml) {
        java.util.regex.Matcher tags = java.util.regex.Pattern
                .compile("<(decisionTable|input|inputExpression|output|rule|inputEntry|outputEntry)([ >/])").matcher(xml);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (tags.find()) {
            tags.appendReplacement(out, "<" + tags.group(1) + " id=\"" + tags.group(1) + "_" + (++n) + "\"" + tags.group(2));
        }
        return tags.appendTail(out).toString();
    }

    private static final String HEADER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                id="Definitions_%s_2026" name="2026" namespace="http://rdfund.cn/dmn">
            """;

    private static final String WINDOW_2026 = "<inputEntry><text>[date(\"2026-01-01\")..date(\"2026-12-31\")]</text></inputEntry>";

    static final String CATALOGUE_2026 = HEADER.formatted("PolicyMeasures") + """
              <decision id="PolicyMeasures" name="政策措施目录" camunda:historyTimeToLive="3650">
                <decisionTable hitPolicy="COLLECT">
                  <input label="参照日期"><inputExpression><text>referenceDate</text></inputExpression></input>
                  <output name="measure" typeRef="string" /><output name="measureName" typeRef="string" />
                  <output name="policyVersion" typeRef="string" /><output name="validFrom" typeRef="string" />
                  <output name="validTo" typeRef="string" /><output name="awardTable" typeRef="string" />
                  <output name="leadUnit" typeRef="string" /><output name="coUnits" typeRef="string" />
                  <output name="recipient" typeRef="string" /><output name="ruleText" typeRef="string" />
                  <output name="categoryLabel" typeRef="string" /><output name="claimFields" typeRef="string" />
                  <rule>""" + WINDOW_2026 + """
                    <outputEntry><text>"P4.3"</text></outputEntry><outputEntry><text>"高新技术企业后补助"</text></outputEntry>
                    <outputEntry><text>"2026"</text></outputEntry><outputEntry><text>"2026-01-01"</text></outputEntry>
                    <outputEntry><text>"2026-12-31"</text></outputEntry><outputEntry><text>"IndustryAwards"</text></outputEntry>
                    <outputEntry><text>"KJJ"</text></outputEntry><outputEntry><text>""</text></outputEntry>
                    <outputEntry><text>"企业"</text></outputEntry><outputEntry><text>"2026版：首次认定30万元"</text></outputEntry>
                    <outputEntry><text>"认定类型"</text></outputEntry>
                    <outputEntry><text>"category:recognitionType"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    static final String AWARDS_2026 = HEADER.formatted("IndustryAwards") + """
              <decision id="IndustryAwards" name="产业发展奖励" camunda:historyTimeToLive="3650">
                <decisionTable hitPolicy="FIRST">
                  <input label="参照日期"><inputExpression><text>referenceDate</text></inputExpression></input>
                  <input label="措施"><inputExpression typeRef="string"><text>measure</text></inputExpression></input>
                  <input label="类别"><inputExpression typeRef="string"><text>category</text></inputExpression></input>
                  <output name="policyVersion" typeRef="string" /><output name="eligible" typeRef="boolean" />
                  <output name="basis" typeRef="string" /><output name="fixedYuan" typeRef="long" />
                  <output name="capYuan" typeRef="long" />
                  <rule>""" + WINDOW_2026 + """
                    <inputEntry><text>"P4.3"</text></inputEntry><inputEntry><text>"FIRST"</text></inputEntry>
                    <outputEntry><text>"2026"</text></outputEntry><outputEntry><text>true</text></outputEntry>
                    <outputEntry><text>"首次认定国家高新技术企业（2026版）：30万元"</text></outputEntry>
                    <outputEntry><text>300000</text></outputEntry><outputEntry><text>300000</text></outputEntry>
                  </rule>
                  <rule>""" + WINDOW_2026 + """
                    <inputEntry><text>"P4.3"</text></inputEntry><inputEntry><text>-</text></inputEntry>
                    <outputEntry><text>"2026"</text></outputEntry><outputEntry><text>false</text></outputEntry>
                    <outputEntry><text>"不符合2026版高新技术企业后补助条件"</text></outputEntry>
                    <outputEntry><text></text></outputEntry><outputEntry><text></text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
}
