package cn.rdfund.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface ProjectAssessmentRepository extends ListCrudRepository<ProjectAssessment, Long> {

    List<ProjectAssessment> findByProjectIdAndTeamIdAndStageAndCheckRoundOrderById(Long projectId, long teamId, String stage,
            int checkRound);

    Optional<ProjectAssessment> findByProjectIdAndTeamIdAndStageAndCheckRoundAndExpertUserId(Long projectId, long teamId,
            String stage, int checkRound, String expertUserId);
}
