package cn.rdfund.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.project.AgreementTerms.Milestone;
import cn.rdfund.project.AgreementTerms.Parsed;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AgreementTermsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final LocalDate MIDTERM = LocalDate.of(2026, 9, 15);
    private static final String TWO_MILESTONES = "2026-06-30 完成样机设计\n2026-12-31 完成中试并通过验收";

    private static Parsed parse(String lines) {
        return AgreementTerms.parse(lines, MIDTERM, TODAY);
    }

    @Test
    void readsTwoValidMilestones() {
        Parsed parsed = parse(TWO_MILESTONES);

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.milestones()).containsExactly(
                new Milestone(1, LocalDate.of(2026, 6, 30), "完成样机设计"),
                new Milestone(2, LocalDate.of(2026, 12, 31), "完成中试并通过验收"));
    }

    @Test
    void theEndDateIsTheLastMilestone() {
        assertThat(parse(TWO_MILESTONES).endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(parse("").endDate()).isNull();
    }

    @Test
    void refusesASingleMilestone() {
        Parsed parsed = parse("2026-12-31 完成中试并通过验收");

        assertThat(parsed.problems()).containsExactly("任务书至少需要2个里程碑");
    }

    @Test
    void refusesThirteenMilestones() {
        String lines = IntStream.rangeClosed(1, 13).mapToObj(day -> "2026-12-%02d 第%d项".formatted(day, day))
                .collect(Collectors.joining("\n"));

        assertThat(parse(lines).problems()).containsExactly("任务书最多12个里程碑");
    }

    @Test
    void refusesEmptyTextOnceWithoutTheCountProblem() {
        assertThat(parse(" \n ").problems()).containsExactly("请填写任务书里程碑");
        assertThat(parse(null).problems()).containsExactly("请填写任务书里程碑");
    }

    @Test
    void namesTheLineThatDoesNotParse() {
        Parsed parsed = parse("2026-06-30 完成样机设计\n完成中试\n2026-12-31 通过验收");

        assertThat(parsed.problems()).containsExactly("第2个里程碑格式应为“YYYY-MM-DD 内容”：完成中试");
    }

    @Test
    void refusesADateThatDoesNotExistOrHasNoTitle() {
        Parsed parsed = parse("2026-02-30 完成样机设计\n2026-12-31");

        assertThat(parsed.problems()).containsExactly(
                "第1个里程碑格式应为“YYYY-MM-DD 内容”：2026-02-30 完成样机设计",
                "第2个里程碑格式应为“YYYY-MM-DD 内容”：2026-12-31");
    }

    @Test
    void refusesDatesThatDoNotAscend() {
        Parsed parsed = parse("2026-10-31 完成样机设计\n2026-10-31 完成中试\n2026-10-30 通过验收");

        assertThat(parsed.problems()).containsExactly("第2个里程碑的日期应晚于上一个", "第3个里程碑的日期应晚于上一个");
    }

    @Test
    void refusesAFirstMilestoneDueToday() {
        Parsed parsed = parse("2026-03-01 启动\n2026-12-31 通过验收");

        assertThat(parsed.problems()).containsExactly("第1个里程碑的日期应晚于今天");
    }

    @Test
    void refusesAMidtermCheckOnTheLastMilestoneButAcceptsTheDayBefore() {
        assertThat(AgreementTerms.parse(TWO_MILESTONES, LocalDate.of(2026, 12, 31), TODAY).problems())
                .containsExactly("中期检查日期应早于最后一个里程碑（验收）日期");
        assertThat(AgreementTerms.parse(TWO_MILESTONES, LocalDate.of(2026, 12, 30), TODAY).valid()).isTrue();
    }

    @Test
    void refusesAMissingOrPastMidtermCheck() {
        assertThat(AgreementTerms.parse(TWO_MILESTONES, null, TODAY).problems()).containsExactly("请填写中期检查日期");
        assertThat(AgreementTerms.parse(TWO_MILESTONES, TODAY, TODAY).problems()).containsExactly("中期检查日期应晚于今天");
    }

    @Test
    void acceptsAFullWidthSpaceAndIgnoresBlankLines() {
        Parsed parsed = parse("\n  2026-06-30　完成样机设计\n\n\u3000\n2026-12-31\u3000\u3000通过验收  \n");

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.milestones()).extracting(Milestone::seq).containsExactly(1, 2);
        assertThat(parsed.milestones()).extracting(Milestone::title).containsExactly("完成样机设计", "通过验收");
    }

    @Test
    void acceptsSlashesAndSingleDigitMonthsAndDays() {
        Parsed parsed = parse("2026/6/5 完成样机设计\n2026-12-1 通过验收");

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.milestones()).extracting(Milestone::due)
                .containsExactly(LocalDate.of(2026, 6, 5), LocalDate.of(2026, 12, 1));
    }

    @Test
    void refusesATitleOver200Characters() {
        Parsed parsed = parse("2026-06-30 " + "研".repeat(201) + "\n2026-12-31 " + "研".repeat(200));

        assertThat(parsed.problems()).containsExactly("第1个里程碑内容不超过200字");
    }

    @Test
    void collectsAllProblemsAtOnce() {
        Parsed parsed = AgreementTerms.parse("2025-12-31 启动\n不是日期", TODAY, TODAY);

        assertThat(parsed.problems()).containsExactly("第1个里程碑的日期应晚于今天",
                "第2个里程碑格式应为“YYYY-MM-DD 内容”：不是日期", "中期检查日期应晚于今天",
                "中期检查日期应早于最后一个里程碑（验收）日期");
        assertThat(parsed.valid()).isFalse();
    }
}
