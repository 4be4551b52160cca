package io.oppflow.security;

import io.oppflow.organization.Role;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at every start and in every profile, that the sales roles exist as Camunda groups with the
 * authorizations and Tasklist filters that fit them, and that the administrator exists. Idempotent.
 *
 * <p>Reps see only tasks assigned to them (their own opportunities); experts and managers see the
 * project-team tasks they are candidates for; sales-ops also get Cockpit to inspect every instance.
 */
@Component
@Order(10)
class CamundaAccessSetup implements ApplicationRunner {

  static final String FILTER_MY_TASKS = "我的任务 / My tasks";
  static final String FILTER_CLAIMABLE = "可认领的任务 / Tasks I may claim";
  /** The name of {@link #FILTER_CLAIMABLE} before it also showed the tasks offered to a user by name. */
  private static final String FILTER_GROUP_TASKS_BEFORE = "我组的任务 / My group's tasks";
  static final String FILTER_TEAM = "团队任务 / My team's tasks";
  static final String FILTER_GATE_EXCEPTIONS = "关卡例外审批 / Gate exceptions";
  static final String FILTER_MY_EXCEPTION_REQUESTS = "我的例外申请 / My exception requests";
  static final String FILTER_STALLED = "停滞商机 / Stalled opportunities";

  private static final List<Role> SALES = List.of(Role.REP, Role.EXPERT, Role.MANAGER, Role.OPS);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final AdminProperties admin;

  CamundaAccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, AdminProperties admin) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.admin = admin;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensureGroup(Role.REP, "销售代表 / Sales reps");
    ensureGroup(Role.EXPERT, "专家 / Experts");
    ensureGroup(Role.MANAGER, "销售主管 / Sales managers");
    ensureGroup(Role.OPS, "销售运营 / Sales operations");
    ensureGroup(Role.ADMIN, "管理员 / Administrators");
    ensureAdmin();
    for (Role role : SALES) {
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(role, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
      grant(role, Resources.DEPLOYMENT, "*", Permissions.READ);
      grant(role, Resources.GROUP, "*", Permissions.READ);
    }
    // Whoever may open opportunities through the API may start them from Tasklist's "Start process" (the
    // start form opens the opportunity through the same service and checks); experts may not.
    for (Role role : List.of(Role.REP, Role.MANAGER, Role.OPS)) {
      grant(role, Resources.PROCESS_DEFINITION, "*", Permissions.CREATE_INSTANCE);
      grant(role, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
    grant(Role.OPS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Role.OPS, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
    grant(Role.OPS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(Role.OPS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    // Sales-ops design the stage processes and deploy them from Camunda Modeler.
    grant(Role.OPS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
    grant(Role.ADMIN, Resources.APPLICATION, "*", Permissions.ALL);
    ensureFilters();
  }

  private void ensureGroup(Role role, String name) {
    if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
      Group group = identity.newGroup(role.groupId());
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void ensureAdmin() {
    if (admin.password().isEmpty()) {
      return;
    }
    if (identity.createUserQuery().userId(admin.user()).count() == 0) {
      var user = identity.newUser(admin.user());
      user.setFirstName("Admin");
      user.setLastName("管理员");
      user.setPassword(admin.password());
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(admin.user()).memberOfGroup(Role.ADMIN.groupId()).count() == 0) {
      identity.createMembership(admin.user(), Role.ADMIN.groupId());
    }
    // The administrator may do everything, as Camunda's own admin-user set-up grants.
    for (Resources resource : Resources.values()) {
      grantAll(Role.ADMIN, resource);
    }
  }

  private void ensureFilters() {
    Filter mine = ensureFilter(FILTER_MY_TASKS, -10, "分配给我的任务 / Tasks assigned to me",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    // Managers are offered tasks by name (the managers of the opportunity's org unit), experts by group:
    // the candidate-user condition covers both, since Camunda counts a user's groups as theirs.
    Filter previous = filters.createFilterQuery().filterName(FILTER_GROUP_TASKS_BEFORE).singleResult();
    if (previous != null) {
      filters.deleteFilter(previous.getId());
    }
    // A task claimed here stays here (and in "My tasks"): Tasklist keeps its form open after Claim, and the list
    // beside it should not turn to "No task matching filters found".
    Filter group = ensureFilter(FILTER_CLAIMABLE, 0, "未分配或我已认领、提供给我或我所在组的任务 / Tasks offered to me or my groups, "
            + "unassigned or claimed by me",
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
            .or().taskUnassigned().taskAssigneeExpression("${currentUser()}").endOr());
    // From stage 4 a team task is assigned to whoever works the deal; the rest of the team still finds it here.
    Filter team = ensureFilter(FILTER_TEAM, 2, "我所在项目团队的任务，包括已分配给他人的 / Tasks of the project teams I am in, also those assigned to someone else",
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
            .includeAssignedTasks());
    Filter exceptions = ensureFilter(FILTER_GATE_EXCEPTIONS, 10, "待审批的关卡例外 / Gate exceptions to approve",
        tasks.createTaskQuery().taskDefinitionKeyLike("%_ApproveException")
            .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks());
    // The requester owns the approval task and may only read it (TaskOwnerReadsOnly): it shows here until decided.
    Filter requests = ensureFilter(FILTER_MY_EXCEPTION_REQUESTS, 5, "我申请、等待主管审批的关卡例外 / Gate exceptions I asked for, waiting for a manager's decision",
        tasks.createTaskQuery().taskDefinitionKeyLike("%_ApproveException").taskOwnerExpression("${currentUser()}"));
    Filter stalled = ensureFilter(FILTER_STALLED, 20, "超过阶段时限、待审查的商机 / Opportunities beyond their stage's dwell limit, to review",
        tasks.createTaskQuery().taskDefinitionKeyLike("%_ReviewStalled")
            .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks());
    for (Role role : SALES) {
      grant(role, Resources.FILTER, mine.getId(), Permissions.READ);
    }
    for (Role role : SALES) {
      grant(role, Resources.FILTER, group.getId(), Permissions.READ);
      grant(role, Resources.FILTER, requests.getId(), Permissions.READ);
      grant(role, Resources.FILTER, team.getId(), Permissions.READ);
    }
    grant(Role.MANAGER, Resources.FILTER, exceptions.getId(), Permissions.READ);
    grant(Role.MANAGER, Resources.FILTER, stalled.getId(), Permissions.READ);
  }

  private Filter ensureFilter(String name, int priority, String description, TaskQuery query) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    // An existing filter is brought up to date, so an upgrade changes what it shows.
    Filter filter = existing != null ? existing : filters.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(Map.of(
        "description", description,
        "priority", priority,
        "refresh", true,
        "variables", List.of(
            Map.of("name", "owner", "label", "负责人 / Owner"),
            Map.of("name", "orgUnit", "label", "组织 / Org unit"),
            Map.of("name", "gateFeedback", "label", "关卡反馈 / Gate feedback"),
            Map.of("name", "exceptionRequestReason", "label", "例外理由 / Exception reason"),
            Map.of("name", "stalledStage", "label", "停滞阶段 / Stalled stage"),
            Map.of("name", "daysInStage", "label", "在阶段天数 / Days in stage"))));
    return filters.saveFilter(filter);
  }

  private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(role.groupId()).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing != null && java.util.Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
      return; // a restart writes nothing that is already there
    }
    Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId(role.groupId());
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    for (Permission p : permissions) {
      auth.addPermission(p);
    }
    authorizations.saveAuthorization(auth);
  }

  private void grantAll(Role role, Resource resource) {
    grant(role, resource, "*", Permissions.ALL);
  }
}
