package cn.rdfund.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.rdfund.bureau.LeadUnit;
import cn.rdfund.selection.FundingCallProcess;
import cn.rdfund.support.ProcessDriver;
import cn.rdfund.support.RdfundIntegrationTest;
import cn.rdfund.support.TestMailServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mails people get, read from a real SMTP server (GreenMail): a task opened to a unit reaches each member with an
 * e-mail address, a task given to someone reaches them, taking a task oneself sends nothing, and a deadline reminds
 * once however often the reminders run.
 */
@RdfundIntegrationTest
class TaskNotificationsTest {

    @Autowired
    ProcessDriver driver;

    @Autowired
    IdentityService identities;

    @Autowired
    TaskService tasks;

    @Autowired
    DeadlineReminders reminders;

    @Test
    void aUnitsMembersHearOfATaskOpenToThemAndTheDrafterOfNothing() throws Exception {
        String drafter = newManager("起草", true);
        String colleague = newManager("审核", true);
        String silent = newManager("无邮箱", false);
        String title = "邮件提醒测试指南" + UUID.randomUUID().toString().substring(0, 6);

        ProcessInstance call = driver.start(FundingCallProcess.KEY, drafter);
        driver.complete(call, FundingCallProcess.TASK_DRAFT, drafter, Map.of("title", title, "measure", "P1.1a",
                "areas", org.camunda.spin.Spin.JSON("[\"医学影像\"]"), "totalBudgetWan", "3000",
                "projectCapWan", "500", "opensOn", java.time.LocalDate.now().plusDays(1).toString(),
                "closesOn", java.time.LocalDate.now().plusDays(30).toString()));
        Task approval = tasks.createTaskQuery().processInstanceId(call.getId())
                .taskDefinitionKey(FundingCallProcess.TASK_APPROVE).singleResult();

        MimeMessage mail = awaitMail(colleague, "待领取：审核指南 · " + title);
        assertThat(text(mail)).contains("审核，您好", "待领取的任务「审核指南 · " + title + "」",
                "/camunda/app/tasklist/default/#/?task=" + approval.getId(), "个人资料");
        awaitMail(drafter, "待领取：审核指南 · " + title); // the drafter is a member too (four eyes refuses his claim)
        assertThat(mailsTo(drafter)).as("no mail for the draft the drafter started himself")
                .noneMatch(m -> subject(m).contains("新待办：拟定指南"));
        assertThat(mailsTo(silent)).isEmpty();
    }

    /** The mail thread encodes Chinese subjects and names without a class-path scan per header (Notifier). */
    @Test
    void mailsFindTheirEncoderWithoutSearchingEveryJar() {
        assertThat(System.getProperty(Notifier.STREAM_PROVIDER)).isEqualTo(Notifier.ANGUS_STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo(Notifier.ANGUS_STREAM_PROVIDER);
    }

    @Test
    void aTaskGivenToSomeoneReachesThemAndADeadlineRemindsThemOnce() throws Exception {
        String manager = newManager("指派", true);
        String title = "指派提醒测试指南" + UUID.randomUUID().toString().substring(0, 6);
        ProcessInstance call = driver.start(FundingCallProcess.KEY, "kjj");
        driver.complete(call, FundingCallProcess.TASK_DRAFT, "kjj", Map.of("title", title, "measure", "P1.1a",
                "areas", org.camunda.spin.Spin.JSON("[\"医学影像\"]"), "totalBudgetWan", "3000",
                "projectCapWan", "500", "opensOn", java.time.LocalDate.now().plusDays(1).toString(),
                "closesOn", java.time.LocalDate.now().plusDays(30).toString()));
        Task approval = tasks.createTaskQuery().processInstanceId(call.getId())
                .taskDefinitionKey(FundingCallProcess.TASK_APPROVE).singleResult();

        tasks.setAssignee(approval.getId(), manager); // as the system: a person needs a right no demo role has
        awaitMail(manager, "新待办：审核指南 · " + title);

        approval = tasks.createTaskQuery().taskId(approval.getId()).singleResult();
        approval.setFollowUpDate(Date.from(Instant.now().minusSeconds(60)));
        tasks.saveTask(approval);
        reminders.remind();
        reminders.remind();
        awaitMail(manager, "即将到期：审核指南 · " + title);
        Thread.sleep(500); // a second reminder, were there one, would be on its way by now
        assertThat(mailsTo(manager)).filteredOn(m -> subject(m).startsWith("【RDFund】即将到期")).hasSize(1);

        approval.setFollowUpDate(Date.from(Instant.now().minusSeconds(30))); // moved: a new date, a new reminder
        tasks.saveTask(approval);
        reminders.remind();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(manager).stream()
                .filter(m -> subject(m).startsWith("【RDFund】即将到期")).count() == 2);
    }

    /** A 市科技局 manager with the address {@code <id>@bureau.example}, or none. */
    private String newManager(String name, boolean withEmail) {
        String id = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identities.newUser(id);
        user.setFirstName(name);
        user.setPassword(id);
        user.setEmail(withEmail ? id + "@bureau.example" : null);
        identities.saveUser(user);
        identities.createMembership(id, LeadUnit.KJJ.groupId());
        return id;
    }

    private static MimeMessage awaitMail(String userId, String subject) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(userId).stream()
                .filter(mail -> subject(mail).equals("【RDFund】" + subject)).findFirst().orElse(null), m -> m != null);
    }

    /** The mails to a user made here, whose address is their id at bureau.example. */
    private static List<MimeMessage> mailsTo(String userId) {
        return TestMailServer.received().stream().filter(mail -> recipients(mail).equals("[" + userId + "@bureau.example]"))
                .toList();
    }

    private static String recipients(MimeMessage mail) {
        try {
            return String.valueOf(List.of(mail.getRecipients(Message.RecipientType.TO)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage mail) throws IOException, MessagingException {
        return String.valueOf(mail.getContent());
    }
}
