package cn.rdfund.review;

import cn.rdfund.application.Application;
import cn.rdfund.application.ApplicationRepository;
import cn.rdfund.call.FundingCall;
import cn.rdfund.call.FundingCallRepository;
import cn.rdfund.expert.ExpertRepository;
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
    private final ApplicationRepository applications;
    private final FundingCallRepository calls;
    private final ReviewTables tables;
    private final Clock clock;
    private final Random random = new SecureRandom();

    ReviewService(ReviewRepository reviews, ReviewResultRepository results, JdbcAggregateTemplate jdbc,
            ExpertRepository experts, ApplicationRepository applications, FundingCallRepository calls,
            ReviewTables tables, Clock clock) {
        this.reviews = reviews;
        this.results = results;
        this.jdbc = jdbc;
        this.experts = experts;
        this.applications = applications;
        this.calls = calls;
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
        Application application = application(applicationProcessId);
        FundingCall call = calls.findById(application.callId()).orElseThrow();
        ReviewSettings settings = tables.settingsFor(call.measure());
        ExpertDraw.Result draw = ExpertDraw.draw(experts.findAll(), context(application, call), settings.panelSize(),
                Set.of(), random);
        if (draw.drawn().size() < settings.minimumPanelSize()) {
            throw new IllegalStateException("符合条件且无利益冲突的专家只有" + draw.drawn().size() + "人，少于最少"
                    + settings.minimumPanelSize() + "人；排除情况: " + draw.excluded());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return draw.drawn().stream()
                .map(expert -> reviews.save(new Review(null, application.id(), expert.userId(), Review.DRAWN, null, null,
                        null, null, now, null, reviewProcessId)).expertUserId())
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
        Application application = application(applicationProcessId);
        FundingCall call = calls.findById(application.callId()).orElseThrow();
        return ExpertDraw.draw(experts.findAll(), context(application, call), 1, involved, random).drawn().stream()
                .findFirst()
                .map(expert -> reviews.save(new Review(null, application.id(), expert.userId(), Review.DRAWN, null,
                        null, null, null, now, null, reviewProcessId)).expertUserId());
    }

    public List<ReviewCriterion> criteria(String reviewProcessId) {
        Review any = reviews.findByProcessInstanceIdOrderById(reviewProcessId).stream().findFirst().orElseThrow();
        Application application = applications.findById(any.applicationId()).orElseThrow();
        return tables.criteriaFor(calls.findById(application.callId()).orElseThrow().measure());
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
        Application application = application(applicationProcessId);
        List<BigDecimal> totals = reviews.findByProcessInstanceIdOrderById(reviewProcessId).stream()
                .filter(r -> Review.SUBMITTED.equals(r.status())).map(Review::total).toList();
        ReviewSettings settings = tables.settingsFor(calls.findById(application.callId()).orElseThrow().measure());
        ReviewResult result;
        if (totals.isEmpty()) {
            result = new ReviewResult(application.id(), null, null, 0, false, true, null, null, null,
                    LocalDateTime.now(clock), reviewProcessId);
        } else {
            AggregatedScore score = ScoreAggregation.aggregate(totals, settings.trimFrom(), settings.spreadLimit());
            result = new ReviewResult(application.id(), score.score(), score.spread(), score.validReviews(),
                    score.trimmed(), score.needsConsensus(), null, null, null, LocalDateTime.now(clock), reviewProcessId);
        }
        return results.existsById(application.id()) ? jdbc.update(result) : jdbc.insert(result);
    }

    @Transactional
    public ReviewResult recordConsensus(String applicationProcessId, BigDecimal score, String reason, String decidedBy) {
        ReviewResult result = results.findById(application(applicationProcessId).id()).orElseThrow();
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

    private Application application(String applicationProcessId) {
        return applications.findByProcessInstanceId(applicationProcessId)
                .orElseThrow(() -> new IllegalStateException("没有该流程实例的申报: " + applicationProcessId));
    }

    /** What a panel judging what one application proposed must avoid: the exclusions of that application's review. */
    ReviewContext contextOfApplication(long applicationId) {
        Application application = applications.findById(applicationId).orElseThrow();
        return context(application, calls.findById(application.callId()).orElseThrow());
    }

    /** What a panel judging one organization's own proposal in a call (a 发榜方's demand) must avoid: that organization. */
    ReviewContext contextOfOrganization(long organizationId, long callId) {
        return new ReviewContext(organizationId, Set.of(), Set.of(), areasOf(calls.findById(callId).orElseThrow()));
    }

    private static Set<String> areasOf(FundingCall call) {
        return call.areas().stream().map(FundingCall.Area::area).collect(Collectors.toSet());
    }

    private ReviewContext context(Application application, FundingCall call) {
        Set<Long> applyingInCall = new HashSet<>();
        for (Application other : applications.findByCallId(call.id())) {
            applyingInCall.add(other.applicantId());
            other.partners().forEach(p -> applyingInCall.add(p.organizationId()));
        }
        Set<Long> involved = application.partners().stream().map(Application.Partner::organizationId)
                .collect(Collectors.toCollection(HashSet::new));
        if (call.challenge()) {
            involved.add(call.ownerOrganizationId()); // the 发榜方 chooses and pays the team: its experts may not judge
        }
        return new ReviewContext(application.applicantId(), involved, applyingInCall, areasOf(call));
    }
}
