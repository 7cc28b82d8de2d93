package cn.rdfund.challenge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A 发榜方's demand (需求登记): the technical challenge, its measurable indicators (one per line), when it
 * must be solved, what the 发榜方 commits to pay the solver, and how many teams may work on it in parallel
 * (more than one: 赛马制).
 */
public record ChallengeDemand(String title, String challenge, String indicators, LocalDate solveBy,
        BigDecimal committedAmount, Integer parallelTeams) {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 4000;

    /** The indicators, one per non-blank line. */
    public List<String> indicatorLines() {
        return indicators == null ? List.of()
                : indicators.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Everything wrong with the demand, for the 发榜方; {@code maxParallelTeams} is configuration. */
    public List<String> problems(LocalDate today, int maxParallelTeams) {
        List<String> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add("请填写榜单名称");
        } else if (title.length() > MAX_TITLE_LENGTH) {
            problems.add("榜单名称不超过" + MAX_TITLE_LENGTH + "字");
        }
        if (challenge == null || challenge.isBlank()) {
            problems.add("请描述技术难题（需求背景、要解决的问题）");
        } else if (challenge.length() > MAX_TEXT_LENGTH) {
            problems.add("技术难题描述不超过" + MAX_TEXT_LENGTH + "字");
        }
        List<String> lines = indicatorLines();
        if (lines.isEmpty()) {
            problems.add("请填写至少一项技术指标（每行一项）");
        } else if (indicators.length() > MAX_TEXT_LENGTH) {
            problems.add("技术指标不超过" + MAX_TEXT_LENGTH + "字");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).matches(".*\\d.*")) {
                problems.add("第" + (i + 1) + "项技术指标须可量化（写明数值和单位）：" + lines.get(i));
            }
        }
        if (solveBy == null) {
            problems.add("请填写攻关完成期限");
        } else if (!solveBy.isAfter(today)) {
            problems.add("攻关完成期限应晚于今天");
        }
        if (committedAmount == null || committedAmount.signum() <= 0) {
            problems.add("请填写发榜方承诺支付给揭榜方的金额（万元，大于0）");
        }
        if (parallelTeams == null || parallelTeams < 1 || parallelTeams > maxParallelTeams) {
            problems.add("并行支持的揭榜团队数应为1到" + maxParallelTeams + "（多于1即赛马制）");
        }
        return problems;
    }

    public boolean horseRace() {
        return parallelTeams != null && parallelTeams > 1;
    }
}
