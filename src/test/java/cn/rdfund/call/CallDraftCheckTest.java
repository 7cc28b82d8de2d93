package cn.rdfund.call;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.policy.FundingCaps;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallDraftCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final FundingCaps KEY_TECHNOLOGY = new FundingCaps(new BigDecimal("7000000.00"), new BigDecimal("10000000.00"));

    private static Map<String, Object> valid() {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", "2026年生物医药关键核心技术攻关指南");
        draft.put("measure", "P1.1a");
        draft.put("areas", List.of("新药筛选", "医学影像"));
        draft.put("totalBudgetWan", "3000");
        draft.put("projectCapWan", "700");
        draft.put("opensOn", "2026-11-23");
        draft.put("closesOn", "2026-12-31");
        return draft;
    }

    private static List<String> problems(Map<String, Object> variables) {
        return CallDraftCheck.problems(CallDraft.from(variables), measure -> KEY_TECHNOLOGY, TODAY);
    }

    @Test
    void acceptsACompleteDraftAtExactlyThePolicyCap() {
        assertThat(problems(valid())).isEmpty();
        assertThat(CallDraft.from(valid()).projectCap()).isEqualTo(new BigDecimal("7000000.00"));
    }

    @Test
    void refusesACapOneFenAboveThePolicy() {
        Map<String, Object> draft = valid();
        draft.put("projectCapWan", "700.000001");

        assertThat(problems(draft)).containsExactly("单个项目资助上限不能超过政策上限700.00万元");
    }

    @Test
    void refusesACapAboveTheBudget() {
        Map<String, Object> draft = valid();
        draft.put("totalBudgetWan", "500");

        assertThat(problems(draft)).containsExactly("单个项目资助上限不能超过总预算");
    }

    @Test
    void refusesAmountsThatAreNotMoney() {
        Map<String, Object> draft = valid();
        draft.put("totalBudgetWan", "三千");
        draft.put("projectCapWan", "0.0000001");

        assertThat(problems(draft)).containsExactly("总预算应为大于0的金额（万元，最多6位小数）",
                "单个项目资助上限应为大于0的金额（万元，最多6位小数）");
    }

    @Test
    void namesEveryMissingField() {
        assertThat(problems(Map.of())).containsExactly("请填写指南名称", "请选择项目类型（自主研发或联合攻关）", "请至少选择一个技术领域",
                "总预算应为大于0的金额（万元，最多6位小数）", "单个项目资助上限应为大于0的金额（万元，最多6位小数）", "请填写申报起止日期");
    }

    @Test
    void refusesAreasOutsideTheTaxonomyAndOtherMeasures() {
        Map<String, Object> draft = valid();
        draft.put("areas", List.of("新药筛选", "人工智能"));
        draft.put("measure", "P1.1c");

        assertThat(problems(draft)).containsExactly("请选择项目类型（自主研发或联合攻关）", "技术领域不在指南目录中: [人工智能]");
    }

    @Test
    void acceptsAOneDayWindowEndingTodayButNotOneThatEndedYesterday() {
        Map<String, Object> oneDay = valid();
        oneDay.put("closesOn", "2026-11-23");
        Map<String, Object> past = valid();
        past.put("opensOn", "2026-11-01");
        past.put("closesOn", "2026-11-22");
        Map<String, Object> backwards = valid();
        backwards.put("opensOn", "2026-12-02");
        backwards.put("closesOn", "2026-12-01");

        assertThat(problems(oneDay)).isEmpty();
        assertThat(problems(past)).containsExactly("申报截止日期不能早于今天");
        assertThat(problems(backwards)).containsExactly("申报截止日期不能早于开始日期");
    }
}
