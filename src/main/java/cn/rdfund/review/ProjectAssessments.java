package cn.rdfund.review;

import cn.rdfund.expert.ExpertRepository;
import cn.rdfund.system.Texts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert panels run by bpmn/review/ExpertPanel.bpmn (a project's mid-term check and acceptance, a 揭榜挂帅's
 * 论证, disputed milestone and team acceptance): drawn from the pool by the call's areas with the exclusions the
 * caller names, each expert's opinion, and the panel's verdict (the median, {@link PanelVerdict#of}).
 */
@Service
public class ProjectAssessments {

    /** What one String process variable holds (Camunda's ACT_RU_VARIABLE.TEXT_). */
    private static final int MAX_FINDINGS = 4000;

    private final ProjectAssessmentRepository assessments;
    private final ExpertRepository experts;
    private final Clock clock;
    private final int panelSize;
    private final Random random = new SecureRandom();

    ProjectAssessments(ProjectAssessmentRepository assessments, ExpertRepository experts, Clock clock,
            @Value("${rdfund.project.assessment-panel-size:3}") int panelSize) {
        this.assessments = assessments;
        this.experts = experts;
        this.clock = clock;
        this.panelSize = panelSize;
    }

    /**
     * One panel: a project's mid-term check or acceptance in one round, or for a 揭榜挂帅 project its
     * validation (论证) or one team's ({@code teamId}) disputed milestone or acceptance.
     */
    public record Panel(long projectId, long teamId, String stage, int round) {
    }

    /**
     * Draws a panel once, among the experts whose fields meet the context's areas and who have no conflict with
     * the organizations it names; a second call returns the experts already drawn.
     */
    @Transactional
    public List<String> draw(Panel panel, ReviewContext context) {
        List<String> drawnBefore = panel(panel);
        if (!drawnBefore.isEmpty()) {
            return drawnBefore;
        }
        ExpertDraw.Result draw = ExpertDraw.draw(experts.findAll(), context, panelSize, Set.of(), random);
        if (draw.drawn().size() < panelSize) {
            throw new IllegalStateException("符合条件且无利益冲突的专家只有" + draw.drawn().size() + "人，少于" + panelSize
                    + "人；排除情况: " + draw.excluded());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return draw.drawn().stream().map(expert -> assessments.save(new ProjectAssessment(null, panel.projectId(),
                panel.teamId(), panel.stage(), panel.round(), expert.userId(), null, null, now, null)).expertUserId())
                .toList();
    }

    public List<String> panel(Panel panel) {
        return drawn(panel).stream().map(ProjectAssessment::expertUserId).toList();
    }

    @Transactional
    public void record(Panel panel, String expertUserId, PanelVerdict verdict, String comment) {
        ProjectAssessment assessment = assessments.findByProjectIdAndTeamIdAndStageAndCheckRoundAndExpertUserId(
                panel.projectId(), panel.teamId(), panel.stage(), panel.round(), expertUserId)
                .orElseThrow(() -> new IllegalStateException("专家未被抽中: " + expertUserId));
        if (assessment.submittedAt() == null) {
            assessments.save(assessment.submit(verdict.name(), comment, LocalDateTime.now(clock)));
        }
    }

    public PanelVerdict verdict(Panel panel) {
        return PanelVerdict.of(submitted(panel).stream().map(a -> PanelVerdict.parse(a.verdict())).toList());
    }

    /**
     * The opinions without the experts' names, for the applicant and the manager; at most what a process variable
     * holds (4000 characters: three full comments do not fit), each opinion stays whole in project_assessment.
     */
    public String findings(Panel panel) {
        List<ProjectAssessment> submitted = submitted(panel);
        String findings = IntStream.range(0, submitted.size())
                .mapToObj(i -> "专家" + (i + 1) + "：" + PanelVerdict.parse(submitted.get(i).verdict()).label() + "。"
                        + Objects.toString(submitted.get(i).assessmentComment(), ""))
                .collect(Collectors.joining("\n"));
        return Texts.clip(findings, MAX_FINDINGS);
    }

    private List<ProjectAssessment> drawn(Panel panel) {
        return assessments.findByProjectIdAndTeamIdAndStageAndCheckRoundOrderById(panel.projectId(), panel.teamId(),
                panel.stage(), panel.round());
    }

    private List<ProjectAssessment> submitted(Panel panel) {
        return drawn(panel).stream().filter(a -> a.submittedAt() != null).toList();
    }
}
