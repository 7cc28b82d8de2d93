package cn.rdfund.review;

import cn.rdfund.expert.Expert;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws reviewers at random from the experts who are active, work in one of the call's technology
 * areas, have no conflict of interest and are not already involved (drawn before, or declined).
 * Every expert left out is listed with the reasons, for the audit trail.
 */
public final class ExpertDraw {

    public record Result(List<Expert> drawn, Map<String, List<String>> excluded, int shortfall) {
    }

    private ExpertDraw() {
    }

    public static Result draw(List<Expert> pool, ReviewContext application, int wanted, Set<String> alreadyInvolved,
            Random random) {
        List<Expert> eligible = new ArrayList<>();
        Map<String, List<String>> excluded = new LinkedHashMap<>();
        for (Expert expert : pool.stream().sorted(Comparator.comparing(Expert::userId)).toList()) {
            List<String> reasons = exclusionReasons(expert, application, alreadyInvolved);
            if (reasons.isEmpty()) {
                eligible.add(expert);
            } else {
                excluded.put(expert.userId(), reasons);
            }
        }
        Collections.shuffle(eligible, random);
        List<Expert> drawn = List.copyOf(eligible.subList(0, Math.min(wanted, eligible.size())));
        return new Result(drawn, excluded, wanted - drawn.size());
    }

    private static List<String> exclusionReasons(Expert expert, ReviewContext application, Set<String> alreadyInvolved) {
        List<String> reasons = new ArrayList<>();
        if (!expert.active()) {
            reasons.add("已停用");
        }
        if (alreadyInvolved.contains(expert.userId())) {
            reasons.add("已抽取或已回避");
        }
        if (expert.fields().stream().noneMatch(field -> application.areas().contains(field.field()))) {
            reasons.add("专业领域与指南不符");
        }
        reasons.addAll(ConflictOfInterest.reasons(expert, application));
        return reasons;
    }
}
