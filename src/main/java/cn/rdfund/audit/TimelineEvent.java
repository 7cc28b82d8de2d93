package cn.rdfund.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One line of a case's timeline: when, what kind of step ({@link #kindLabel()}), what happened, who did it, the
 * details (a task's recorded values, a variable's old and new value, a decision's inputs and matched rules) and,
 * for ledger rows, the amount.
 */
public record TimelineEvent(LocalDateTime at, String type, String title, String actor, List<String> details,
        BigDecimal amount, String amountDisplay, String process) {

    public static final String PROCESS = "PROCESS";
    public static final String ACTIVITY = "ACTIVITY";
    public static final String TASK = "TASK";
    public static final String TIMER = "TIMER";
    public static final String INCIDENT = "INCIDENT";
    public static final String VARIABLE = "VARIABLE";
    public static final String DECISION = "DECISION";
    public static final String REVIEW = "REVIEW";
    public static final String LEDGER = "LEDGER";
    public static final String DOCUMENT = "DOCUMENT";
    public static final String SELECTION = "SELECTION";

    @JsonProperty
    public String kindLabel() {
        return switch (type) {
            case PROCESS -> "流程";
            case ACTIVITY -> "环节";
            case TASK -> "办理";
            case TIMER -> "定时";
            case INCIDENT -> "异常";
            case VARIABLE -> "数据变更";
            case DECISION -> "决策表";
            case REVIEW -> "评审";
            case DOCUMENT -> "材料";
            case SELECTION -> "遴选";
            default -> "资金";
        };
    }
}
