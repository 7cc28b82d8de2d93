package cn.rdfund.call;

import cn.rdfund.money.Wan;
import cn.rdfund.policy.FundingCaps;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What must hold before a drafted call may go to approval; each problem in words for the drafter. */
public final class CallDraftCheck {

    static final int MAX_TITLE_LENGTH = 200;

    private CallDraftCheck() {
    }

    public static List<String> problems(CallDraft draft, Function<String, FundingCaps> capsOfMeasure, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (draft.title() == null || draft.title().isEmpty()) {
            problems.add("请填写指南名称");
        } else if (draft.title().length() > MAX_TITLE_LENGTH) {
            problems.add("指南名称不超过200字");
        }
        boolean knownMeasure = draft.measure() != null && CallDraft.MEASURES.contains(draft.measure());
        if (!knownMeasure) {
            problems.add("请选择项目类型（自主研发或联合攻关）");
        }
        if (draft.areas().isEmpty()) {
            problems.add("请至少选择一个技术领域");
        } else if (!TechnologyArea.displayNames().containsAll(draft.areas())) {
            problems.add("技术领域不在指南目录中: " + draft.areas().stream()
                    .filter(area -> !TechnologyArea.displayNames().contains(area)).toList());
        }
        if (draft.totalBudget() == null || draft.totalBudget().signum() <= 0) {
            problems.add("总预算应为大于0的金额（万元，最多6位小数）");
        }
        if (draft.projectCap() == null || draft.projectCap().signum() <= 0) {
            problems.add("单个项目资助上限应为大于0的金额（万元，最多6位小数）");
        } else {
            if (knownMeasure) {
                FundingCaps caps = capsOfMeasure.apply(draft.measure());
                if (draft.projectCap().compareTo(caps.perProject()) > 0) {
                    problems.add("单个项目资助上限不能超过政策上限" + Wan.format(caps.perProject()));
                }
            }
            if (draft.totalBudget() != null && draft.projectCap().compareTo(draft.totalBudget()) > 0) {
                problems.add("单个项目资助上限不能超过总预算");
            }
        }
        if (draft.opensOn() == null || draft.closesOn() == null) {
            problems.add("请填写申报起止日期");
        } else {
            if (draft.closesOn().isBefore(draft.opensOn())) {
                problems.add("申报截止日期不能早于开始日期");
            }
            if (draft.closesOn().isBefore(today)) {
                problems.add("申报截止日期不能早于今天");
            }
        }
        return problems;
    }
}
