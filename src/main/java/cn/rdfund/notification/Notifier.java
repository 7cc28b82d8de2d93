package cn.rdfund.notification;

import cn.rdfund.notification.TaskNotice.Kind;
import cn.rdfund.system.tasks.TaskWaiting;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Sends a notice's mail to each person it concerns who has an e-mail address, on a thread of its own (a notice's mails
 * over one connection): a slow or absent mail server delays no task. Without a mail server configured it sends nothing.
 */
@Component
@EnableConfigurationProperties(NotificationSettings.class)
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    /**
     * Jakarta Mail 2.1 finds its stream provider by a ServiceLoader scan of every jar at each header it encodes or
     * decodes (jakartaee/mail-api#861): most of the mail thread's CPU. Named, it is found by one class lookup.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private final ObjectProvider<JavaMailSender> mailSender;
    private final ObjectProvider<IdentityService> identities;
    private final NotificationSettings settings;
    private final ExecutorService sending =
            Executors.newSingleThreadExecutor(Notifier::mailThread);

    Notifier(ObjectProvider<JavaMailSender> mailSender, ObjectProvider<IdentityService> identities,
            NotificationSettings settings) {
        this.mailSender = mailSender;
        this.identities = identities;
        this.settings = settings;
        if (ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, Notifier.class.getClassLoader())) {
            System.getProperties().putIfAbsent(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    /** Jakarta Mail loads the stream provider named above through the thread's class loader: the application's. */
    private static Thread mailThread(Runnable sending) {
        Thread thread = new Thread(sending, "rdfund-mail");
        thread.setContextClassLoader(Notifier.class.getClassLoader());
        return thread;
    }

    /** Mails already queued still leave when the application stops, for up to half a minute. */
    @PreDestroy
    void finishSending() throws InterruptedException {
        sending.shutdown();
        if (!sending.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("邮件提醒：停止时仍有 {} 封未发出", sending.shutdownNow().size());
        }
    }

    boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    /** A task now waits for someone (published after its step committed): they hear of it. */
    @EventListener
    void on(TaskWaiting task) {
        send(new TaskNotice(task.assignee() != null ? Kind.ASSIGNED : Kind.OPEN_TO_GROUP, task.taskId(),
                task.taskName(), task.assignee(), task.candidateGroups(), task.candidateUsers(), task.dueDate()));
    }

    /** Queues the notice's mails. */
    void send(TaskNotice notice) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender != null) {
            sending.execute(() -> deliver(sender, notice));
        }
    }

    /** A notice's mails go over one connection to the mail server (a unit's task reaches all its members at once). */
    private void deliver(JavaMailSender sender, TaskNotice notice) {
        Map<SimpleMailMessage, String> mails = new LinkedHashMap<>();
        for (User person : recipients(notice).values()) {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(settings.from());
            mail.setTo(person.getEmail());
            mail.setSubject(NotificationMail.subject(notice));
            mail.setText(NotificationMail.body(notice, name(person), settings.baseUrl()));
            mails.put(mail, person.getId());
        }
        if (mails.isEmpty()) {
            return;
        }
        try {
            sender.send(mails.keySet().toArray(SimpleMailMessage[]::new));
        } catch (MailSendException failed) {
            failed.getFailedMessages().forEach((mail, why) -> log.warn("邮件提醒未能发送给 {}（任务 {}）：{}",
                    mails.getOrDefault(mail, "?"), notice.taskId(), why.getMessage()));
        } catch (RuntimeException failed) {
            log.warn("邮件提醒未能发送（任务 {}，{} 封）：{}", notice.taskId(), mails.size(), failed.getMessage());
        }
    }

    private Map<String, User> recipients(TaskNotice notice) {
        IdentityService identityService = identities.getObject();
        Map<String, User> people = new LinkedHashMap<>();
        List<String> users = notice.assignee() != null ? List.of(notice.assignee()) : notice.candidateUsers();
        users.forEach(id -> {
            User user = identityService.createUserQuery().userId(id).singleResult();
            if (user != null) {
                people.put(user.getId(), user);
            }
        });
        if (notice.assignee() == null) {
            notice.candidateGroups().forEach(group -> identityService.createUserQuery().memberOfGroup(group).list()
                    .forEach(member -> people.putIfAbsent(member.getId(), member)));
        }
        people.values().removeIf(person -> person.getEmail() == null || person.getEmail().isBlank());
        return people;
    }

    private static String name(User person) {
        String name = (nullToEmpty(person.getFirstName()) + nullToEmpty(person.getLastName())).strip();
        return name.isEmpty() ? person.getId() : name;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
