package cn.rdfund.claim;

import static cn.rdfund.claim.PolicyClaimProcess.*;
import static cn.rdfund.support.Rosters.graduate;
import static cn.rdfund.support.Rosters.uniqueIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.policy.RosterRules;
import cn.rdfund.support.ClaimDriver;
import cn.rdfund.support.Http;
import cn.rdfund.support.LifecycleDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.Rosters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * P6.3 (订单班): the seed pays 5000元 per graduate who joined the training enterprise after graduating, signed a labour
 * contract of at least one year and paid at least one year of social insurance (以上 includes the bound). Each of
 * these is a column of the 学员名册 the claimant uploads and a row of the decision table RosterEligibility; the same
 * graduate is counted by one live claim only, whichever enterprise files it. Refused at submission, writing nothing.
 */
@RdfundIntegrationTest
class TraineeRosterClaimTest {

    private static final Map<String, Object> FORM = ClaimDriver.form("P6.3", "2025-09-01");

    @LocalServerPort
    int port;

    @Autowired
    LifecycleDriver lifecycle;

    @Autowired
    ClaimDriver drive;

    @Autowired
    ClaimService claims;

    @Autowired
    RosterRules rules;

    @Autowired
    TraineeRosters rosters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twelveMonthsOfContractAndOfInsuranceCountElevenDoNot() {
        RosterRules.Judge judge = rules.judge("P6.3", LocalDate.parse("2025-09-01"));
        assertThat(judge.of(new RosterRules.Person(12, 12, true)).counts()).isTrue();
        assertThat(judge.of(new RosterRules.Person(11, 12, true)).reason()).isEqualTo("劳动合同期限不足一年（12个月）");
        assertThat(judge.of(new RosterRules.Person(12, 11, true)).reason()).isEqualTo("社会保险缴费不满一年（12个月）");
        assertThat(judge.of(new RosterRules.Person(36, 24, false)).reason()).contains("入职时间早于毕业时间");
        assertThat(rules.judge("P6.3", LocalDate.parse("2026-03-01")).of(new RosterRules.Person(12, 12, true)).judged())
                .as("no rule of the table outside the policy's window").isFalse();
    }

    @Test
    void theGraduatesOnTheRosterAreTheHeadCountAndEachIsKeptWithTheClaim() {
        String claimant = lifecycle.newApplicant("订单班企业甲");
        String first = uniqueIdNumber();
        ProcessInstance instance = drive.submitWithRoster(claimant, FORM, Rosters.xlsx(List.of(graduate("王一", first),
                List.of("王二", uniqueIdNumber().toLowerCase(), "2024-06-30", "2024-06-30", 13, 24))));

        PolicyClaim claim = claims.ofProcess(instance.getId()).orElseThrow();
        assertThat(claim.facts().headcount()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT trainee_name FROM claim_trainee WHERE claim_id = ? ORDER BY row_no")
                .param(claim.id()).query(String.class).list()).containsExactly("王一", "王二");
        assertThat(claims.ofProcess(instance.getId()).orElseThrow().status()).isNotEqualTo(PolicyClaim.REJECTED);
    }

    @Test
    void aGraduateShortOfAYearOrJoinedBeforeGraduatingIsRefusedByRowAndNothingIsWritten() {
        String claimant = lifecycle.newApplicant("订单班企业乙");
        ProcessInstance instance = drive.startWithRoster(claimant, Rosters.xlsx(List.of(
                graduate("合格", uniqueIdNumber()),
                List.of("合同十一个月", uniqueIdNumber(), "2024-06-30", "2024-07-01", 11, 12),
                List.of("社保十一个月", uniqueIdNumber(), "2024-06-30", "2024-07-01", 12, 11),
                List.of("毕业前入职", uniqueIdNumber(), "2024-06-30", "2024-03-01", 12, 12))));

        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_SUBMIT, claimant, FORM))
                .hasMessageContaining("学员名册第3行 合同十一个月（2101**********")
                .hasMessageContaining("劳动合同期限不足一年（12个月），不能计入")
                .hasMessageContaining("学员名册第4行 社保十一个月").hasMessageContaining("社会保险缴费不满一年（12个月）")
                .hasMessageContaining("学员名册第5行 毕业前入职").hasMessageContaining("入职时间早于毕业时间")
                .hasMessageNotContaining("第2行");
        assertThat(claims.ofProcess(instance.getId())).as("nothing written").isEmpty();
    }

    @Test
    void aWrongIdentityNumberOrTheSameGraduateTwiceIsNamedByRow() {
        String claimant = lifecycle.newApplicant("订单班企业丙");
        String twice = uniqueIdNumber();
        String wrongCheck = uniqueIdNumber();
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
        ProcessInstance instance = drive.startWithRoster(claimant, Rosters.xlsx(List.of(graduate("甲", twice),
                graduate("乙", wrongCheck), graduate("丙", twice), graduate("丁", "21011220021304001X"))));

        assertThatThrownBy(() -> lifecycle.complete(instance, TASK_SUBMIT, claimant, FORM))
                .hasMessageContaining("学员名册第3行 乙：公民身份号码校验位不符")
                .hasMessageContaining("学员名册第4行 丙：公民身份号码与第2行重复")
                .hasMessageContaining("学员名册第5行 丁：公民身份号码出生日期（第7–14位）20021304不是有效日期");
    }

    @Test
    void theSameGraduateIsCountedByOneLiveClaimWhicheverEnterpriseFilesIt() {
        String graduateId = uniqueIdNumber();
        String firstEnterprise = lifecycle.newApplicant("订单班企业丁");
        ProcessInstance first = drive.submitWithRoster(firstEnterprise, FORM,
                Rosters.xlsx(List.of(graduate("共同学员", graduateId))));
        String firstCode = claims.ofProcess(first.getId()).orElseThrow().code();

        String otherEnterprise = lifecycle.newApplicant("订单班企业戊");
        ProcessInstance second = drive.startWithRoster(otherEnterprise, Rosters.xlsx(List.of(
                graduate("另一学员", uniqueIdNumber()), graduate("共同学员", graduateId))));
        assertThatThrownBy(() -> lifecycle.complete(second, TASK_SUBMIT, otherEnterprise, FORM))
                .hasMessageContaining("学员名册第3行 共同学员").hasMessageContaining("已计入其他单位的申领")
                .hasMessageContaining("同一学员不得重复申领")
                .as("another enterprise's claim is not named").hasMessageNotContaining(firstCode);
        Map<String, Object> laterItem = ClaimDriver.form("P6.3", "2025-10-01");
        ProcessInstance again = drive.startWithRoster(firstEnterprise, Rosters.xlsx(List.of(graduate("共同学员", graduateId))));
        assertThatThrownBy(() -> lifecycle.complete(again, TASK_SUBMIT, firstEnterprise, laterItem))
                .as("the enterprise's own claim is").hasMessageContaining("已计入本单位的申领" + firstCode);


        // Once the first claim is refused at its formal check, the graduate may be counted by another claim.
        drive.check(first, "rsj", REJECT, "培养协议不在有效期内");
        lifecycle.complete(second, TASK_SUBMIT, otherEnterprise, FORM);
        assertThat(claims.ofProcess(second.getId()).orElseThrow().facts().headcount()).isEqualTo(2);

        // Two claims checked at the same moment, before either was written: the database's unique key refuses the
        // later one's graduate (here the refused first claim's record, written again over the second's).
        TraineeRoster.Trainee same = TraineeRoster.read(Rosters.xlsx(List.of(graduate("共同学员", graduateId))),
                LocalDate.now()).trainees().get(0);
        long firstClaim = claims.ofProcess(first.getId()).orElseThrow().id();
        assertThatThrownBy(() -> rosters.record(firstClaim, "P6.3", List.of(same)))
                .isInstanceOf(TraineeRosters.RosterRefused.class)
                .hasMessage("学员名册第2行 共同学员（" + same.idNumber().masked() + "）：已计入同时提交的另一件申领，同一学员不得重复申领");
    }

    @Test
    void withoutARosterTheClaimantIsToldWhereToUploadItAndTheTemplateHasItsColumns() throws Exception {
        String claimant = lifecycle.newApplicant("订单班企业己");
        assertThatThrownBy(() -> drive.submit(claimant, FORM))
                .hasMessageContaining("请先在「材料」页上传学员名册");

        var template = Http.as(port, claimant).download("/api/claims/trainee-roster-template.xlsx");
        assertThat(template.statusCode()).isEqualTo(200);
        try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(template.body()))) {
            List<String> header = new java.util.ArrayList<>();
            book.getSheetAt(0).getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(Rosters.HEADER);
        }
    }
}
