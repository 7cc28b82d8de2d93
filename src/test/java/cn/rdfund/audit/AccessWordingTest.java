package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.audit.AccessWording.Subject;
import cn.rdfund.audit.AccessWording.Wording;
import org.junit.jupiter.api.Test;

/** What each kind of recorded request is called in the access records. */
class AccessWordingTest {

    private static final String WEBAPP = "/camunda/api/engine/engine/default";

    @Test
    void tasksOpenedClaimedAndSubmittedInTasklistOrThroughTheRestApi() {
        assertThat(AccessWording.of("GET", WEBAPP + "/task/t1/form-variables"))
                .isEqualTo(new Wording("打开了任务", Subject.TASK, "t1"));
        assertThat(AccessWording.of("GET", WEBAPP + "/task/t1")).isEqualTo(new Wording("打开了任务", Subject.TASK, "t1"));
        assertThat(AccessWording.of("POST", WEBAPP + "/task/t1/claim")).isEqualTo(new Wording("认领了任务", Subject.TASK, "t1"));
        assertThat(AccessWording.of("POST", "/engine-rest/task/t1/submit-form"))
                .isEqualTo(new Wording("办理完成了任务", Subject.TASK, "t1"));
        assertThat(AccessWording.of("POST", "/engine-rest/task/t1/complete").verb()).isEqualTo("办理完成了任务");
        assertThat(AccessWording.of("POST", WEBAPP + "/task/t1/unclaim").verb()).isEqualTo("取消认领了任务");
        assertThat(AccessWording.of("GET", WEBAPP + "/task/t1/identity-links").verb()).isEqualTo("查看了任务");
        assertThat(AccessWording.of("POST", WEBAPP + "/task")).isEqualTo(new Wording("查看了任务列表", Subject.NONE, null));
    }

    @Test
    void processesCasesLedgerAndDocuments() {
        assertThat(AccessWording.of("GET", WEBAPP + "/history/process-instance/p1"))
                .isEqualTo(new Wording("查看了流程", Subject.PROCESS, "p1"));
        assertThat(AccessWording.of("GET", "/engine-rest/process-instance/p1/variables"))
                .isEqualTo(new Wording("查看了流程", Subject.PROCESS, "p1"));
        assertThat(AccessWording.of("GET", WEBAPP + "/history/process-instance").subject()).isEqualTo(Subject.NONE);
        assertThat(AccessWording.of("GET", "/api/audit/cases/project/12"))
                .isEqualTo(new Wording("查看了案卷", Subject.CASE, "project/12"));
        assertThat(AccessWording.of("GET", "/api/audit/cases/project/12/timeline.xlsx"))
                .isEqualTo(new Wording("导出了案卷时间线", Subject.CASE, "project/12"));
        assertThat(AccessWording.of("GET", "/api/audit/ledger.csv").verb()).isEqualTo("导出了资金台账");
        assertThat(AccessWording.of("GET", "/api/audit/cases/project/12/report.pdf"))
                .isEqualTo(new Wording("下载了案卷审计报告（PDF）", Subject.CASE, "project/12"));
        assertThat(AccessWording.of("GET", "/api/documents/7")).isEqualTo(new Wording("下载了材料", Subject.DOCUMENT, "7"));
        assertThat(AccessWording.of("POST", "/api/tasks/t1/documents"))
                .isEqualTo(new Wording("上传了材料到任务", Subject.TASK, "t1"));
        assertThat(AccessWording.of("GET", "/api/cases/p1/documents"))
                .isEqualTo(new Wording("查看了流程的材料", Subject.PROCESS, "p1"));
    }

    @Test
    void anUnknownRequestIsToldByItsPath() {
        assertThat(AccessWording.of("GET", "/api/experts/3")).isEqualTo(
                new Wording("查看了 /api/experts/3", Subject.NONE, null));
        assertThat(AccessWording.of("GET", "/api/organizations/3").verb()).isEqualTo("查看了企业登记信息");
        assertThat(AccessWording.of("DELETE", WEBAPP + "/task/t1/attachment/a").verb())
                .isEqualTo("（DELETE）请求了 " + WEBAPP + "/task/t1/attachment/a");
    }

    @Test
    void resultsInWords() {
        assertThat(AccessRecords.result(200)).isEqualTo("成功");
        assertThat(AccessRecords.result(204)).isEqualTo("成功");
        assertThat(AccessRecords.result(403)).isEqualTo("被拒绝（无权）");
        assertThat(AccessRecords.result(404)).isEqualTo("未找到或无权查看");
        assertThat(AccessRecords.result(500)).isEqualTo("出错（500）");
    }
}
