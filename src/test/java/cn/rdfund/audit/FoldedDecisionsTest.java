package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A decision table evaluated again with the same inputs and result is one line of the timeline. */
class FoldedDecisionsTest {

    private static final LocalDateTime NINE = LocalDateTime.of(2026, 5, 6, 9, 0);

    private static TimelineEvent decision(LocalDateTime at, String input) {
        return new TimelineEvent(at, TimelineEvent.DECISION, "评审指标及权重", null, List.of("输入 措施 = " + input),
                null, null, "专家评审");
    }

    @Test
    void repeatedEvaluationsAreFoldedIntoTheFirstAndAnotherResultInBetweenStartsANewLine() {
        TimelineEvent task = new TimelineEvent(NINE.plusMinutes(1), TimelineEvent.TASK, "评审打分", "expert1", List.of(),
                null, null, "专家评审");
        List<TimelineEvent> folded = CaseTimeline.foldRepeatedDecisions(List.of(decision(NINE, "P1.1a"), task,
                decision(NINE.plusMinutes(2), "P1.1a"), decision(NINE.plusMinutes(3), "P1.1b"),
                decision(NINE.plusMinutes(4), "P1.1a")));

        assertThat(folded).hasSize(4);
        assertThat(folded.get(0).at()).isEqualTo(NINE);
        assertThat(folded.get(0).details()).containsExactly("输入 措施 = P1.1a", "同样的输入和结果共评估2次，末次 2026-05-06 09:02:00");
        assertThat(folded.get(1)).isEqualTo(task);
        assertThat(folded.get(2).details()).containsExactly("输入 措施 = P1.1b");
        assertThat(folded.get(3).details()).as("after another result, a line of its own").containsExactly("输入 措施 = P1.1a");
    }
}
