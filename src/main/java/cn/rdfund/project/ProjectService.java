package cn.rdfund.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects from the decision to their end. Every change is safe to repeat (a retried job finds its own work). */
@Service
public class ProjectService {

    private static final LocalTime MIDTERM_CHECK_STARTS = LocalTime.of(9, 0);
    private static final LocalTime DAY_ENDS = LocalTime.of(23, 59, 59);

    private final ProjectRepository projects;
    private final Clock clock;

    ProjectService(ProjectRepository projects, Clock clock) {
        this.projects = projects;
        this.clock = clock;
    }

    public Project get(long id) {
        return projects.findById(id).orElseThrow(() -> new IllegalStateException("项目不存在: " + id));
    }

    /** The application a project came from: its panels avoid that application's review exclusions. */
    public long applicationOf(long projectId) {
        return get(projectId).applicationId();
    }

    /** Creates the project of a selected application, once: a second call returns the first project. */
    @Transactional
    public Project open(Project approved) {
        return projects.findByApplicationId(approved.applicationId()).orElseGet(() -> projects.save(approved));
    }

    /** Creates a project that no application leads to (a 揭榜挂帅 support case), once per code. */
    @Transactional
    public Project openByCode(Project proposed) {
        return projects.findByCode(proposed.code()).orElseGet(() -> projects.save(proposed));
    }

    /** 揭榜挂帅: the support the signed contracts allow, after the caps; the project is then under way. */
    @Transactional
    public Project approveSupport(long id, BigDecimal amount, String note, LocalDate end) {
        Project project = get(id);
        return Project.IN_PROGRESS.equals(project.status()) ? project
                : projects.save(project.withSupport(amount, note, LocalDate.now(clock), end));
    }

    @Transactional
    public Project attachProcess(long id, String processInstanceId) {
        Project project = get(id);
        return processInstanceId.equals(project.processInstanceId()) ? project
                : projects.save(project.withProcessInstance(processInstanceId));
    }

    /** Writes the agreed milestones and dates; the project is then under way. */
    @Transactional
    public Project signAgreement(long id, AgreementTerms.Parsed terms, LocalDate midterm, String indicators) {
        Project project = get(id);
        if (!Project.APPROVED.equals(project.status())) {
            return project;
        }
        if (!terms.valid()) {
            throw new IllegalArgumentException("任务书不完整: " + String.join("；", terms.problems()));
        }
        return projects.save(project.withAgreement(LocalDate.now(clock), terms.endDate(), midterm, indicators,
                terms.milestones().stream()
                        .map(m -> new Project.Milestone(m.seq(), m.title(), m.due(), null, Project.Milestone.PLANNED))
                        .collect(Collectors.toSet())));
    }

    /** Accepted: the project is completed and every milestone of its agreement achieved. */
    @Transactional
    public Project complete(long id) {
        Project project = get(id);
        return Project.COMPLETED.equals(project.status()) ? project : projects.save(project.completed());
    }

    @Transactional
    public Project recordFunding(long id, BigDecimal funded, String note) {
        return projects.save(get(id).withFunding(funded, note));
    }

    /**
     * 揭榜挂帅: a lower support maximum once the contracts it was planned on have changed (a team cut at the stage
     * gate); never raised. Planned stages stay as they are.
     */
    @Transactional
    public Project lowerSupport(long id, BigDecimal amount, String note) {
        Project project = get(id);
        return project.approvedAmount() == null || amount.compareTo(project.approvedAmount()) >= 0 ? project
                : projects.save(project.withSupport(amount, note, project.startDate(), project.endDate()));
    }

    @Transactional
    public Project changeStatus(long id, String status) {
        Project project = get(id);
        return status.equals(project.status()) ? project : projects.save(project.withStatus(status));
    }

    /** The city funds the project reports as spent (its latest report counts). */
    @Transactional
    public Project recordSpent(long id, BigDecimal spent) {
        return projects.save(get(id).withSpent(spent));
    }

    /** Moves the end (acceptance) date once; a project already extended keeps its date. */
    @Transactional
    public Project extend(long id, int months) {
        Project project = get(id);
        return project.extensionMonths() > 0 ? project : projects.save(project.withExtension(months));
    }

    /** When the mid-term check starts by itself: 9:00 on the agreed date, Shenyang time, for the timer. */
    public String midtermCheckStartsAt(Project project) {
        return forTimer(project.midtermDate().atTime(MIDTERM_CHECK_STARTS));
    }

    /** The acceptance deadline: the end of the project's last day. */
    public String acceptanceDueAt(Project project) {
        return forTimer(project.endDate().atTime(DAY_ENDS));
    }

    public java.util.Date acceptanceDueDate(Project project) {
        return java.util.Date.from(project.endDate().atTime(DAY_ENDS).atZone(clock.getZone()).toInstant());
    }

    private String forTimer(LocalDateTime at) {
        return at.atZone(clock.getZone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
