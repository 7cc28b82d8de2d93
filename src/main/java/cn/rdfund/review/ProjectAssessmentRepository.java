package cn.rdfund.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface ProjectAssessmentRepository extends ListCrudRepository<ProjectAssessment, Long> {

    List<ProjectAssessment> findByProjectIdAndStageAndCheckRoundOrderById(Long projectId, String stage, int checkRound);

    Optional<ProjectAssessment> findByProjectIdAndStageAndCheckRoundAndExpertUserId(Long projectId, String stage,
            int checkRound, String expertUserId);
}
