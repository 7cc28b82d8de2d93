/**
 * E-mail to the people a task waits for: a task assigned to someone by someone else or by the process, a task open to
 * a group (each member), a follow-up date reached and a due date passed. In Chinese, with a link to the task. Only
 * where a mail server is configured ({@code spring.mail.host}); a user without an e-mail address in 个人资料 gets none.
 */
package cn.rdfund.notification;
