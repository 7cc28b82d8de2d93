package cn.rdfund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.notification.TaskNotice.Kind;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationMailTest {

    private static final Date DUE = Date.from(Instant.parse("2026-12-31T15:59:00Z"));

    @Test
    void saysWhatTheTaskIsWhenItIsDueInBeijingTimeAndWhereToDoIt() {
        TaskNotice notice = new TaskNotice(Kind.OVERDUE, "t-1", "拨付审批 · XM2026-000001 新药研发", "finance",
                List.of(), List.of(), DUE);

        assertThat(NotificationMail.subject(notice)).isEqualTo("【RDFund】已逾期：拨付审批 · XM2026-000001 新药研发");
        assertThat(NotificationMail.body(notice, "钱财", "https://rdfund.example.gov.cn/"))
                .startsWith("钱财，您好：")
                .contains("任务「拨付审批 · XM2026-000001 新药研发」已超过办理期限",
                        "办理期限：2026-12-31 23:59（北京时间）",
                        "https://rdfund.example.gov.cn/camunda/app/tasklist/default/#/?task=t-1");
    }

    @Test
    void namesEveryKindInItsSubject() {
        assertThat(List.of(Kind.values())).extracting(kind -> NotificationMail.subject(
                new TaskNotice(kind, "t", "形式审查", null, List.of("pm-kjj"), List.of(), null)))
                .containsExactly("【RDFund】新待办：形式审查", "【RDFund】待领取：形式审查", "【RDFund】即将到期：形式审查",
                        "【RDFund】已逾期：形式审查");
    }
}
