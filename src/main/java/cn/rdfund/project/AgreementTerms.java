package cn.rdfund.project;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The milestones of a task agreement (任务书) as the applicant types them, one per line as "YYYY-MM-DD 内容", and
 * the mid-term check date; every problem in words for the applicant, all at once.
 */
public final class AgreementTerms {

    static final int MIN_MILESTONES = 2;
    static final int MAX_MILESTONES = 12;
    static final int MAX_TITLE_LENGTH = 200;

    /** Date, then at least one space (also the full-width 　 a Chinese input method types), then the title. */
    private static final Pattern LINE = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})[\\s\\u3000]+(.+)");

    /** @param seq the position among the non-blank lines, so it matches the "第N个里程碑" of the problems */
    public record Milestone(int seq, LocalDate due, String title) {
    }

    public record Parsed(List<Milestone> milestones, List<String> problems) {

        public Parsed {
            milestones = List.copyOf(milestones);
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        /** The due date of the last milestone (验收), or null if there is none. */
        public LocalDate endDate() {
            return milestones.isEmpty() ? null : milestones.get(milestones.size() - 1).due();
        }
    }

    private AgreementTerms() {
    }

    public static Parsed parse(String milestoneLines, LocalDate midtermDate, LocalDate today) {
        Parsed parsed = milestones(milestoneLines, today);
        List<Milestone> milestones = parsed.milestones();
        List<String> problems = new ArrayList<>(parsed.problems());
        if (midtermDate == null) {
            problems.add("请填写中期检查日期");
        } else {
            if (!midtermDate.isAfter(today)) {
                problems.add("中期检查日期应晚于今天");
            }
            if (!milestones.isEmpty() && !midtermDate.isBefore(milestones.get(milestones.size() - 1).due())) {
                problems.add("中期检查日期应早于最后一个里程碑（验收）日期");
            }
        }
        return new Parsed(milestones, problems);
    }

    /** The milestones alone, as a 揭榜挂帅 contract has them (no mid-term check). */
    public static Parsed milestones(String milestoneLines, LocalDate today) {
        List<String> problems = new ArrayList<>();
        List<Milestone> milestones = new ArrayList<>();
        if (milestoneLines == null || milestoneLines.isBlank()) {
            problems.add("请填写任务书里程碑");
        } else {
            List<String> lines = milestoneLines.lines().filter(line -> !line.isBlank()).map(String::strip).toList();
            if (lines.size() < MIN_MILESTONES) {
                problems.add("任务书至少需要" + MIN_MILESTONES + "个里程碑");
            } else if (lines.size() > MAX_MILESTONES) {
                problems.add("任务书最多" + MAX_MILESTONES + "个里程碑");
            }
            for (int i = 0; i < lines.size(); i++) {
                readLine(i + 1, lines.get(i), today, milestones, problems);
            }
        }
        return new Parsed(milestones, problems);
    }

    private static void readLine(int seq, String line, LocalDate today, List<Milestone> milestones,
            List<String> problems) {
        String name = "第" + seq + "个里程碑";
        Milestone milestone = milestone(seq, line);
        if (milestone == null) {
            problems.add(name + "格式应为“YYYY-MM-DD 内容”：" + line);
            return;
        }
        if (milestone.title().codePointCount(0, milestone.title().length()) > MAX_TITLE_LENGTH) {
            problems.add(name + "内容不超过" + MAX_TITLE_LENGTH + "字");
        }
        if (milestones.isEmpty()) {
            if (!milestone.due().isAfter(today)) {
                problems.add(name + "的日期应晚于今天");
            }
        } else if (!milestone.due().isAfter(milestones.get(milestones.size() - 1).due())) {
            problems.add(name + "的日期应晚于上一个");
        }
        milestones.add(milestone);
    }

    /** The milestone the line describes, or null if it does not read as one (including dates like 2026-02-30). */
    private static Milestone milestone(int seq, String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return null;
        }
        try {
            LocalDate due = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(3)),
                    Integer.parseInt(matcher.group(4)));
            return new Milestone(seq, due, matcher.group(5));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
