package cn.rdfund.review;

import cn.rdfund.expert.ExpertRepository;
import cn.rdfund.review.ReviewedApplications.Reviewed;
import cn.rdfund.system.tasks.FormValues;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert review of one application, identified by the review's process instance and the
 * application's process instance. Every step is safe to repeat (a retried job finds its earlier work).
 */
@Service
public class ReviewService {

    private final ReviewRepository reviews;
    private final ReviewResultRepository results;
    private final JdbcAggregateTemplate jdbc;
    private final ExpertRepository experts;
    private final ReviewedApplications applications;
    private final ReviewTables tables;
    private final Clock clock;
    private final Random random = new SecureRandom();

    ReviewService(ReviewRepository reviews, ReviewResultRepository results, JdbcAggregateTemplate jdbc,
            ExpertRepository experts, ReviewedApplications applications, ReviewTables tables, Clock clock) {
        this.reviews = reviews;
        this.results = results;
        this.jdbc = jdbc;
        this.experts = experts;
        this.applications = applications;
        this.tables = tables;
        this.clock = clock;
    }

    /** Draws the panel once per review; returns the drawn experts' user ids. */
    @Transactional
    public List<String> drawPanel(String reviewProcessId, String applicationProcessId) {
        List<Review> existing = reviews.findByProcessInstanceIdOrderById(reviewProcessId);
        if (!existing.isEmpty()) {
            return existing.stream().filter(r -> Review.DRAWN.equals(r.status())).map(Review::expertUserId).toList();
        }
        Reviewed application = applications.byProcessInstance(applicationProcessId);
        ReviewSettings settings = tables.settingsFor(application.measure());
        ExpertDraw.Result draw = ExpertDraw.draw(experts.findAll(), applications.exclusionsOf(application.applicationId()),
                settings.panelSize(), Set.of(), random);
        if (draw.drawn().size() < settings.minimumPanelSize()) {
            throw new IllegalStateException("符合条件且无利益冲突的专家只有" + draw.drawn().size() + "人，少于最少"
                    + settings.minimumPanelSize() + "人；排除情况: " + draw.excluded());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return draw.drawn().stream()
                .map(expert -> reviews.save(new Review(null, application.applicationId(), expert.userId(), Review.DRAWN,
                        null, null, null, null, now, null, reviewProcessId)).expertUserId())
                .toList();
    }

    /** The experts currently drawn for this review, in the order they were drawn. */
    public List<String> panel(String reviewProcessId) {
        return reviews.findByProcessInstanceIdOrderById(reviewProcessId).stream()
                .filter(r -> Review.DRAWN.equals(r.status())).map(Review::expertUserId).toList();
    }

    /**
     * Closes an expert's part as declined (declared conflict) or overdue, and draws one replacement
     * among the experts not yet involved in this review; empty when nobody is left.
     */
    @Transactional
    public Optional<String> replace(String reviewProcessId, String applicationProcessId, String expertUserId,
            boolean declaredConflict, String reason) {
        Review current = reviews.findByProcessInstanceIdAndExpertUserId(reviewProcessId, expertUserId).orElseThrow();
        LocalDateTime now = LocalDateTime.now(clock);
        if (Review.DRAWN.equals(current.status())) {
            reviews.save(current.finish(declaredConflict ? Review.DECLINED : Review.OVERDUE,
                    declaredConflict ? reason : "未在期限内确认", null, null, null, now));
        }
        Set<String> involved = reviews.findByProcessInstanceIdOrderById(reviewProcessId).stream()
                .map(Review::expertUserId).collect(Collectors.toCollection(HashSet::new));
        long applicationId = applications.byProcessInstance(applicationProcessId).applicationId();
        return ExpertDraw.draw(experts.findAll(), applications.exclusionsOf(applicationId), 1, involved, random).drawn()
                .stream().findFirst()
                .map(expert -> reviews.save(new Review(null, applicationId, expert.userId(), Review.DRAWN, null,
                        null, null, null, now, null, reviewProcessId)).expertUserId());
    }

    public List<ReviewCriterion> criteria(String reviewProcessId) {
        Review any = reviews.findByProcessInstanceIdOrderById(reviewProcessId).stream().findFirst().orElseThrow();
        return tables.criteriaFor(applications.byId(any.applicationId()).measure());
    }

    /** Records an expert's scores, read per criterion of ReviewCriteria.dmn from the submitted form values. */
    @Transactional
    public Review recordScores(String reviewProcessId, String expertUserId, Function<String, Object> formValue,
            String comment) {
        Review review = reviews.findByProcessInstanceIdAndExpertUserId(reviewProcessId, expertUserId).orElseThrow();
        if (Review.SUBMITTED.equals(review.status())) {
            return review;
        }
        List<ReviewCriterion> criteria = criteria(reviewProcessId);
        Map<String, Integer> scores = new HashMap<>();
        criteria.forEach(criterion -> scores.put(criterion.key(), FormValues.integer(formValue.apply(criterion.key()))));
        String scoreText = criteria.stream().map(c -> c.key() + "=" + scores.get(c.key()))
                .collect(Collectors.joining(";"));
        return reviews.save(review.finish(Review.SUBMITTED, null, scoreText, ScoreSheet.weightedTotal(criteria, scores),
                comment, LocalDateTime.now(clock)));
    }

    /** Aggregates the submitted reviews; without any, the program manager must decide in consensus. */
    @Transactional
    public ReviewResult aggregate(String reviewProcessId, String applicationProcessId) {
        Reviewed application = applications.byProcessInstance(applicationProcessId);
        List<BigDecimal> totals = reviews.findByProcessInstanceIdOrderById(reviewProcessId).stream()
                .filter(r -> Review.SUBMITTED.equals(r.status())).map(Review::total).toList();
        ReviewSettings settings = tables.settingsFor(application.measure());
        ReviewResult result;
        if (totals.isEmpty()) {
            result = new ReviewResult(application.applicationId(), null, null, 0, false, true, null, null, null,
                    LocalDateTime.now(clock), reviewProcessId);
        } else {
            AggregatedScore score = ScoreAggregation.aggregate(totals, settings.trimFrom(), settings.spreadLimit());
            result = new ReviewResult(application.applicationId(), score.score(), score.spread(), score.validReviews(),
                    score.trimmed(), score.needsConsensus(), null, null, null, LocalDateTime.now(clock), reviewProcessId);
        }
        return results.existsById(application.applicationId()) ? jdbc.update(result) : jdbc.insert(result);
    }

    @Transactional
    public ReviewResult recordConsensus(String applicationProcessId, BigDecimal score, String reason, String decidedBy) {
        ReviewResult result = results.findById(applications.byProcessInstance(applicationProcessId).applicationId())
                .orElseThrow();
        return jdbc.update(new ReviewResult(result.applicationId(), result.score(), result.spread(), result.validReviews(),
                result.trimmed(), result.needsConsensus(), score, reason, decidedBy, LocalDateTime.now(clock),
                result.processInstanceId()));
    }

    /** Each expert's total, for the program manager's consensus discussion (never shown to experts). */
    public String summary(String reviewProcessId) {
        return reviews.findByProcessInstanceIdOrderById(reviewProcessId).stream()
                .map(r -> experts.findByUserId(r.expertUserId()).map(e -> e.name()).orElse(r.expertUserId()) + "：" + switch (r.status()) {
                    case Review.SUBMITTED -> r.total() + "分"
                            + (r.reviewComment() == null || r.reviewComment().isBlank() ? "" : "（" + r.reviewComment() + "）");
                    case Review.DECLINED -> "回避（" + r.conflictReason() + "）";
                    case Review.OVERDUE -> "逾期未确认";
                    default -> "未完成";
                })
                .collect(Collectors.joining("\n"));
    }

    /** What a panel judging what one application proposed must avoid: the exclusions of that application's review. */
    ReviewContext contextOfApplication(long applicationId) {
        return applications.exclusionsOf(applicationId);
    }

    /** What a panel judging one organization's own proposal in a call (a 发榜方's demand) must avoid: that organization. */
    ReviewContext contextOfOrganization(long organizationId, long callId) {
        return applications.exclusionsOfOrganization(organizationId, callId);
    }
}
