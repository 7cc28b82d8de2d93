package cn.rdfund.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The words of a notice's mail, in Chinese, for one person. */
final class NotificationMail {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private NotificationMail() {
    }

    static String subject(TaskNotice notice) {
        return "【RDFund】" + switch (notice.kind()) {
            case ASSIGNED -> "新待办：";
            case OPEN_TO_GROUP -> "待领取：";
            case FOLLOW_UP -> "即将到期：";
            case OVERDUE -> "已逾期：";
        } + notice.taskName();
    }

    static String body(TaskNotice notice, String personName, String baseUrl) {
        String task = "「" + notice.taskName() + "」";
        String due = notice.dueDate() == null ? "" : "办理期限：" + MINUTES.format(notice.dueDate().toInstant()) + "（北京时间）。\n";
        String what = switch (notice.kind()) {
            case ASSIGNED -> "您有一项新的待办任务" + task + "。\n";
            case OPEN_TO_GROUP -> "您所在的处室（用户组）有一项待领取的任务" + task + "：由一位同事在任务列表中认领后办理。\n";
            case FOLLOW_UP -> "任务" + task + "即将到期，请及时办理。\n";
            case OVERDUE -> "任务" + task + "已超过办理期限，请尽快办理。\n";
        };
        return personName + "，您好：\n\n" + what + due + "\n办理请登录任务列表：" + taskLink(baseUrl, notice.taskId())
                + "\n\n此邮件由 RDFund 自动发送，请勿回复。不需要邮件提醒时，请在任务列表右上角的用户菜单中打开“个人资料”，"
                + "删去邮箱地址。\n";
    }

    static String taskLink(String baseUrl, String taskId) {
        return baseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }
}
