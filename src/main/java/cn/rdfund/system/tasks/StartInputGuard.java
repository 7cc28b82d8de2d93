package cn.rdfund.system.tasks;

import cn.rdfund.system.security.Groups;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * A person starts a process with nothing but the start itself: RDFund's processes have no start forms, so whatever
 * a start request carries — variables a later step would read as decided (a check's outcome, an amount), a business
 * key, or flags that skip the processes' listeners — is refused. Their first task asks for the data, where
 * {@link FormInputGuard} and the completion rules check it. Administrators and engine-internal calls are not checked.
 */
final class StartInputGuard {

    private StartInputGuard() {
    }

    static void check(Command<?> command, Authentication caller) {
        if (caller == null || caller.getUserId() == null || Groups.includeAdministrator(caller.getGroupIds())) {
            return;
        }
        CommandFields.start(command).ifPresent(start -> {
            if (!start.variables().isEmpty()) {
                throw new AuthorizationException("发起流程时不能提交数据，请在第一个任务的表单中填写："
                        + new TreeSet<>(start.variables().keySet()));
            }
            if (start.businessKey() != null && !start.businessKey().isBlank()) {
                throw new AuthorizationException("发起流程时不能指定业务键（businessKey）：它由系统编号");
            }
            if (start.skips()) {
                throw new AuthorizationException("只有系统管理员可以跳过流程的监听器或输入输出映射");
            }
        });
    }
}
