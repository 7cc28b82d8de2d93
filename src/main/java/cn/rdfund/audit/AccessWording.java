package cn.rdfund.audit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a recorded request did, in the words of an access record: a verb and what it was done to (a task, a process,
 * a case, a document, identified by its id for {@link AccessRecords} to name), e.g. POST …/task/{id}/claim is
 * 认领了任务 {id}. A plain function of method and path; a request it does not know is told by its path.
 */
final class AccessWording {

    enum Subject { NONE, TASK, PROCESS, CASE, DOCUMENT }

    /** {@code id}: the subject's id (for a case "kind/id"); null when the request concerns no single thing. */
    record Wording(String verb, Subject subject, String id) {
    }

    private record Rule(String method, Pattern path, String verb, Subject subject) {
    }

    private static final String ID = "(?<id>[^/]+)";
    private static final Pattern ENGINE_PREFIX = Pattern.compile("^(/camunda/api/engine/engine/[^/]+|/engine-rest)");

    private static final List<Rule> RULES = List.of(
            rule("POST", "/task/" + ID + "/claim", "认领了任务", Subject.TASK),
            rule("POST", "/task/" + ID + "/unclaim", "取消认领了任务", Subject.TASK),
            rule("POST", "/task/" + ID + "/(submit-form|complete)", "办理完成了任务", Subject.TASK),
            rule("POST", "/task/" + ID + "/(assignee|delegate)", "转交了任务", Subject.TASK),
            rule("POST", "/task/" + ID + "/comment/create", "给任务添加了备注", Subject.TASK),
            rule("GET", "/task/" + ID + "(/(form-variables|variables|form|rendered-form|deployed-form))?",
                    "打开了任务", Subject.TASK),
            rule("GET", "/task/" + ID + "/.*", "查看了任务", Subject.TASK),
            rule("GET", "/task", "查看了任务列表", Subject.NONE),
            rule("POST", "/task", "查看了任务列表", Subject.NONE),
            rule("GET", "/history/task", "查询了任务历史", Subject.NONE),
            rule("GET", "/(history/)?process-instance/" + ID + "(/.*)?", "查看了流程", Subject.PROCESS),
            rule("GET", "/(history/)?process-instance", "查询了流程列表", Subject.NONE),
            rule("POST", "/(history/)?process-instance", "查询了流程列表", Subject.NONE),
            rule("POST", "/process-definition/key/" + ID + "/(start|submit-form)", "发起了流程", Subject.NONE),
            rule("GET", "/process-definition.*", "查看了流程定义", Subject.NONE),
            rule("GET", "/api/audit/cases/(?<kind>[^/]+)/" + ID + "/timeline\\.(csv|xlsx)", "导出了案卷时间线", Subject.CASE),
            rule("GET", "/api/audit/cases/(?<kind>[^/]+)/" + ID + "/report\\.pdf", "下载了案卷审计报告（PDF）", Subject.CASE),
            rule("GET", "/api/audit/cases/(?<kind>[^/]+)/" + ID, "查看了案卷", Subject.CASE),
            rule("GET", "/api/audit/cases", "检索了案件", Subject.NONE),
            rule("GET", "/api/audit/ledger\\.(csv|xlsx)", "导出了资金台账", Subject.NONE),
            rule("GET", "/api/audit/ledger", "查看了资金台账", Subject.NONE),
            rule("GET", "/api/ledger/verify", "核验了资金台账", Subject.NONE),
            rule("GET", "/api/audit/dashboard", "查看了统计看板", Subject.NONE),
            rule("GET", "/api/audit/access(\\.(csv|xlsx))?", "查看了访问记录", Subject.NONE),
            rule("GET", "/api/audit/cap-position", "查看了企业累计额度", Subject.NONE),
            rule("GET", "/api/audit/reports/" + ID + "/original\\.pdf", "取回了审计报告原件", Subject.NONE),
            rule("GET", "/api/audit/reports", "核验了审计报告", Subject.NONE),
            rule("GET", "/api/documents/" + ID, "下载了材料", Subject.DOCUMENT),
            rule("GET", "/api/tasks/" + ID + "/documents", "查看了任务的材料", Subject.TASK),
            rule("POST", "/api/tasks/" + ID + "/documents", "上传了材料到任务", Subject.TASK),
            rule("GET", "/api/cases/" + ID + "/documents", "查看了流程的材料", Subject.PROCESS),
            rule("POST", "/api/claims/award-lists", "导入了免申即享名单", Subject.NONE),
            rule("GET", "/api/claims/award-lists/" + ID, "查看了免申即享名单的导入结果", Subject.NONE),
            rule("GET", "/api/claims/calculator", "查看了政策计算器（可申领措施与额度）", Subject.NONE),
            rule("GET", "/api/claims/estimate", "试算了政策兑现金额", Subject.NONE),
            rule("GET", "/api/claims(/.*)?", "查看了政策兑现申领", Subject.NONE),
            rule("GET", "/api/projects(/.*)?", "查看了项目", Subject.NONE),
            rule("GET", "/api/applications(/.*)?", "查看了项目申报", Subject.NONE),
            rule("GET", "/api/organizations(/.*)?", "查看了企业登记信息", Subject.NONE),
            rule("GET", "/api/policy(/.*)?", "查看了政策措施", Subject.NONE));

    private AccessWording() {
    }

    private static Rule rule(String method, String path, String verb, Subject subject) {
        return new Rule(method, Pattern.compile(path), verb, subject);
    }

    static Wording of(String method, String path) {
        String local = ENGINE_PREFIX.matcher(path).replaceFirst("");
        for (Rule rule : RULES) {
            Matcher matched = rule.path().matcher(local);
            if (rule.method().equals(method) && matched.matches()) {
                return new Wording(rule.verb(), rule.subject(), idOf(rule, matched));
            }
        }
        return new Wording(("GET".equals(method) ? "查看了 " : "（" + method + "）请求了 ") + path, Subject.NONE, null);
    }

    private static String idOf(Rule rule, Matcher matched) {
        return switch (rule.subject()) {
            case NONE -> null;
            case CASE -> matched.group("kind") + "/" + matched.group("id");
            default -> matched.group("id");
        };
    }
}
