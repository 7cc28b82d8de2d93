package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.ledger.LedgerEntry;
import cn.rdfund.ledger.LedgerRepository;
import cn.rdfund.organization.OrganizationMembers;
import cn.rdfund.organization.OrganizationRepository;
import cn.rdfund.organization.UnifiedSocialCreditCode;
import cn.rdfund.support.AwardListFile;
import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 免申即享: 市科技局 imports this year's high-tech enterprise recognitions for P4.3; the registered enterprises get a
 * claim opened for them that they only confirm, the other rows are reported; only confirmed claims are paid, each once,
 * and the same file imported again opens nothing.
 */
@RdfundIntegrationTest
class AwardListImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ClaimDriver drive;

    @Autowired
    ClaimService claims;

    @Autowired
    OrganizationMembers members;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    LedgerRepository ledger;

    @Test
    void theListedEnterprisesConfirmTheirClaimsAndOnlyConfirmedOnesArePaidOnce() throws Exception {
        String first = lifecycle.newApplicant("免申企业甲");
        String second = lifecycle.newApplicant("免申企业乙");
        String third = lifecycle.newApplicant("免申企业丙");
        String unregistered = "91210112MA" + "0" + "Q" + "99999";
        unregistered = unregistered + UnifiedSocialCreditCode.checkCharacter(unregistered);
        byte[] list = AwardListFile.xlsx(List.of(
                List.of(uscc(first), "免申企业甲", "首次认定", "2025-06-01"),
                List.of(uscc(second), "免申企业乙", "RE", "2025-06-01"),
                List.of(unregistered, "未注册企业", "首次认定", "2025-06-01"),
                List.of(uscc(first), "免申企业甲", "首次认定", "2025-06-01"),
                List.of("91210112MA0QXXXXX1", "代码有误企业", "首次认定", "2025-06-01"),
                List.of(uscc(third), "免申企业丙", "特别认定", "2025-06-02")));

        Http.Response imported = Http.as(port, "kjj").postFile("/api/claims/award-lists", Map.of("measure", "P4.3"),
                "file", "2025年高新技术企业认定名单.xlsx", list);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode rows = JSON.readTree(imported.body()).path("rows");
        assertThat(rows).extracting(row -> row.path("row").asInt() + " " + row.path("outcome").asText()).containsExactly(
                "2 OPENED", "3 OPENED", "4 UNMATCHED", "5 DUPLICATE", "6 INVALID", "7 INVALID");
        assertThat(rows.get(3).path("reason").asText()).isEqualTo("与第2行重复");
        assertThat(rows.get(0).path("category").asText()).as("as the claim form words it").isEqualTo("首次认定");
        assertThat(rows.get(5).path("reason").asText()).contains("「特别认定」不是认定类型之一");
        long importId = JSON.readTree(imported.body()).path("id").asLong();
        String firstClaim = rows.get(0).path("claimProcessInstanceId").asText();
        String secondClaim = rows.get(1).path("claimProcessInstanceId").asText();

        // The enterprise's own task, filled in from the list: it confirms (no other award for the item) and submits.
        assertThat(taskService.createTaskQuery().processInstanceId(firstClaim).singleResult().getAssignee()).isEqualTo(first);
        assertThat(runtimeService.getVariable(firstClaim, "recognitionType")).isEqualTo("FIRST");
        assertThat(runtimeService.getVariable(secondClaim, "recognitionType")).isEqualTo("RE");
        ProcessInstance confirmed = runtimeService.createProcessInstanceQuery().processInstanceId(firstClaim).singleResult();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.complete(confirmed, TASK_SUBMIT, first,
                Map.of(CLAIM_ACTION, SUBMIT, "otherAwardWan", "0")))
                .as("confirming is giving the account the award is paid into")
                .hasMessageContaining("请填写开户银行").hasMessageContaining("请填写银行账号");
        lifecycle.complete(confirmed, TASK_SUBMIT, first, Map.of(CLAIM_ACTION, SUBMIT, "otherAwardWan", "0",
                "payeeBank", "中国建设银行沈阳浑南支行", "payeeAccount", "2105 0156 0000 1234 5678"));
        assertThat(claims.ofProcess(firstClaim).orElseThrow().payeeAccount()).isEqualTo("21050156000012345678");
        assertThat((String) runtimeService.getVariable(firstClaim, "claimSummary"))
                .contains("收款账户：中国建设银行沈阳浑南支行 2105 0156 0000 1234 5678");
        drive.check(confirmed, "kjj", PASS, null);
        drive.approve(confirmed, "kjj2");
        drive.passNotice(confirmed, "kjj");
        drive.financeApproves(confirmed);
        PolicyClaim paid = claims.ofProcess(firstClaim).orElseThrow();
        assertThat(paid.title()).isEqualTo("免申即享：高新技术企业后补助");
        assertThat(paid.documents()).contains("2025年高新技术企业认定名单.xlsx第2行");
        assertThat(ledger.findByProjectIdOrderByIdAsc(paid.projectId())).extracting(LedgerEntry::amount)
                .containsExactly(new BigDecimal("200000.00"));
        assertThat(claims.ofProcess(secondClaim)).as("not confirmed: nothing claimed, nothing paid").isEmpty();
        assertThat(paid.documents()).contains("免申即享名单");
        ProcessInstance altered = runtimeService.createProcessInstanceQuery().processInstanceId(secondClaim).singleResult();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.complete(altered, TASK_SUBMIT, second,
                Map.of(CLAIM_ACTION, SUBMIT, "otherAwardWan", "0", "recognitionType", "FIRST",
                        "payeeBank", "中国银行沈阳分行", "payeeAccount", "12345678")))
                .as("the list said 重新认定: the enterprise cannot make it 首次认定")
                .hasMessageContaining("免申即享申领的措施、参照日期和类别以名单为准")
                .hasMessageContaining("2025年高新技术企业认定名单.xlsx」第3行");
        assertThat(claims.ofProcess(secondClaim)).as("nothing written").isEmpty();
        assertThat(Http.as(port, second).get("/api/claims/calculator?date=2025-06-01").body())
                .as("the enterprise sees the claim waiting for it").contains("待企业确认（免申即享名单「2025年高新技术企业认定名单.xlsx」第3行");

        Http.Response again = Http.as(port, "kjj").postFile("/api/claims/award-lists", Map.of("measure", "P4.3"),
                "file", "再次导入.xlsx", list);
        assertThat(again.status()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("id").asLong()).isEqualTo(importId);
        assertThat(JSON.readTree(again.body()).path("repeated").asBoolean()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals("recognitionType", "RE").list()).extracting(ProcessInstance::getId)
                .as("the same file opens nothing again").containsOnlyOnce(secondClaim);

        Http.Response otherList = Http.as(port, "kjj").postFile("/api/claims/award-lists", Map.of("measure", "P4.3"),
                "file", "补充名单.xlsx", AwardListFile.xlsx(List.of(List.of(uscc(first), "免申企业甲", "首次认定", "2025-06-01"),
                        List.of(uscc(second), "免申企业乙", "重新认定", "2025-06-01"))));
        assertThat(JSON.readTree(otherList.body()).path("rows")).extracting(row -> row.path("reason").asText())
                .containsExactly("已有申领" + paid.code(), "已从名单为该企业开启同一措施的申领，待企业确认");
        Http.Response otherDate = Http.as(port, "kjj").postFile("/api/claims/award-lists", Map.of("measure", "P4.3"),
                "file", "另一日期.xlsx", AwardListFile.xlsx(List.of(List.of(uscc(first), "免申企业甲", "整体引进", "2025-07-01"))));
        assertThat(JSON.readTree(otherDate.body()).path("rows").get(0).path("reason").asText())
                .as("another date or category the same year piles no second claim on the enterprise")
                .isEqualTo("已从名单开启同一措施同一年度的申领" + paid.code());

        Http.Response notTheUnit = Http.as(port, "gxj").postFile("/api/claims/award-lists", Map.of("measure", "P4.3"),
                "file", "x.xlsx", list);
        assertThat(notTheUnit.status()).as("not P4.3's lead unit").isEqualTo(403);
        assertThat(notTheUnit.body()).contains("只有措施P4.3的牵头单位（市科技局）可以导入");
        assertThat(Http.as(port, first).get("/api/claims/award-lists/" + importId).status())
                .as("a list names other enterprises").isEqualTo(403);
        assertThat(Http.as(port, "gxj").get("/api/claims/award-lists/" + importId).status())
                .as("another unit's staff").isEqualTo(404);
        assertThat(Http.as(port, "auditor").get("/api/claims/award-lists/" + importId).body())
                .contains("2025年高新技术企业认定名单.xlsx", "\"importedBy\":\"kjj\"");
    }

    private String uscc(String user) {
        return organizations.findById(members.organizationOf(user).orElseThrow()).orElseThrow().uscc();
    }
}
