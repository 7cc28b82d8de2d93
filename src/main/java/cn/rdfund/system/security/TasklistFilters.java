package cn.rdfund.system.security;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The task lists everyone sees in Tasklist. Each filter only narrows a query: which tasks a user
 * actually sees is still decided by the task authorizations.
 */
@Component
@Order(IdentitySetup.ORDER + 1)
class TasklistFilters implements ApplicationRunner {

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TasklistFilters(FilterService filterService, TaskService taskService,
            AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure("我的待办", "分配给我的任务", -10,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensure("待领取", "我所在组可领取的任务", -5,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned());
        ensure("全部可见任务", "我有权查看的全部任务", 0, taskService.createTaskQuery());
    }

    private void ensure(String name, String description, int priority, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
        filterService.saveFilter(filter);
        Authorization everyone = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setUserId(Authorization.ANY);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(filter.getId());
        everyone.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(everyone);
    }
}
