package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.RdfundIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's figures are kept (the tests' own configuration adds them up on every call, so this class builds a
 * dashboard that keeps them): what every caller shares is kept, the overdue tasks each caller may see are not; a call
 * after the figures aged answers at once with them and has them added up again for the next calls.
 */
@RdfundIntegrationTest
class DashboardKeptFiguresTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditGoals goals;

    @Autowired
    OverdueTasks overdueTasks;

    @Autowired
    Clock clock;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Test
    void keptFiguresNeverShowOneCallersOverdueTasksToAnother() {
        Dashboard dashboard = new Dashboard(jdbc, goals, overdueTasks, clock, Duration.ofMinutes(1));
        Task overdue = taskService.newTask();
        overdue.setName("逾期测试：补交材料");
        overdue.setAssignee("kjj");
        overdue.setDueDate(Date.from(clock.instant().minus(Duration.ofDays(2))));
        taskService.saveTask(overdue);
        LocalDate today = LocalDate.now(clock);
        try {
            identityService.setAuthentication("kjj", List.of("kjj"));
            Dashboard.Figures forKjj = dashboard.figures(today, java.util.Optional.empty());
            identityService.setAuthentication("kjj2", List.of("kjj"));
            Dashboard.Figures forKjj2 = dashboard.figures(today, java.util.Optional.empty());

            assertThat(forKjj.overdue()).extracting(Dashboard.Overdue::what).contains("任务：逾期测试：补交材料");
            assertThat(forKjj2.overdue()).extracting(Dashboard.Overdue::what)
                    .doesNotContain("任务：逾期测试：补交材料");
            assertThat(forKjj2.asOf()).as("the figures were kept").isEqualTo(forKjj.asOf());
        } finally {
            identityService.clearAuthentication();
            taskService.deleteTask(overdue.getId(), true);
        }
    }

    @Test
    void aCallAfterTheFiguresAgedAnswersWithThemAndTheNextCallsGetNewOnes() throws InterruptedException {
        Queue<Runnable> refreshes = new ConcurrentLinkedQueue<>();
        Dashboard dashboard = new Dashboard(jdbc, goals, overdueTasks, clock, Duration.ofSeconds(1), refreshes::add);
        LocalDate today = LocalDate.now(clock);
        String first = dashboard.figures(today, java.util.Optional.empty()).asOf();
        Thread.sleep(1_100); // aged; asOf is to the second

        assertThat(dashboard.figures(today, java.util.Optional.empty()).asOf()).as("answered with the kept figures").isEqualTo(first);
        assertThat(refreshes).as("and has them added up again meanwhile").isNotEmpty();
        for (Runnable refresh = refreshes.poll(); refresh != null; refresh = refreshes.poll()) {
            refresh.run(); // the cache's own upkeep among them
        }
        assertThat(dashboard.figures(today, java.util.Optional.empty()).asOf()).isGreaterThan(first);
    }
}
