package cn.rdfund.audit;

import cn.rdfund.money.Wan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The downloadable tables of the audit pages: a case's timeline and a ledger query, amounts in 万元. */
final class AuditExports {

    private AuditExports() {
    }

    static ExportTable timeline(AuditCase found, List<TimelineEvent> events) {
        List<List<Object>> rows = new ArrayList<>();
        for (TimelineEvent event : events) {
            rows.add(Arrays.asList(event.at(), event.kindLabel(), event.title(), event.actor(),
                    String.join("；", event.details()), wan(event.amount()), event.process()));
        }
        return new ExportTable("时间线", List.of("时间", "类别", "事项", "办理人", "详情", "金额（万元）", "流程"), rows);
    }

    /** {@code approvers}: the approvers' names by user id (an id without a name is shown as it is). */
    static ExportTable ledger(List<LedgerLine> lines, java.util.Map<String, String> approvers) {
        List<List<Object>> rows = new ArrayList<>();
        for (LedgerLine line : lines) {
            rows.add(Arrays.asList(line.entryId(), line.kindLabel(), wan(line.amount()), line.recordedAt(),
                    approvers.getOrDefault(line.approvedBy(), line.approvedBy()), line.projectCode(), line.projectTitle(), line.measure(), line.organizationName(),
                    line.uscc(), line.district(), wan(line.approvedAmount()), wan(line.fundedAmount()),
                    line.fundingNote(), line.instalmentPercent(), line.releasedBy(), line.instalmentBasis(), line.memo()));
        }
        return new ExportTable("资金台账", List.of("账目号", "类别", "金额（万元）", "记账时间", "审批人", "项目编号", "项目名称",
                "措施", "企业", "统一社会信用代码", "区县", "批准金额（万元）", "核定支持（万元）", "核减与上限说明", "拨付比例（%）",
                "拨付节点", "计算依据", "摘要"), rows);
    }

    static ExportTable access(List<AccessRecords.AccessRecord> records) {
        List<List<Object>> rows = new ArrayList<>();
        for (AccessRecords.AccessRecord record : records) {
            rows.add(Arrays.asList(record.accessedAt(), record.userName(), record.sentence(), record.result(),
                    record.method() + " " + record.path() + (record.query() == null ? "" : "?" + record.query())));
        }
        return new ExportTable("访问记录", List.of("时间", "人员", "做了什么", "结果", "原始请求"), rows);
    }

    private static BigDecimal wan(BigDecimal yuan) {
        return yuan == null ? null : Wan.toWan(yuan);
    }
}
