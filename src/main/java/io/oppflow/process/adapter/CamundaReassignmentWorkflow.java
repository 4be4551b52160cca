package io.oppflow.process.adapter;

import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.ReassignmentWorkflow;
import io.oppflow.organization.Role;
import io.oppflow.process.ProcessVariables;
import io.oppflow.process.bpmn.OpportunityManagers;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Hands a reassigned opportunity's open tasks to its new owner: the previous owner's assignments, candidacies and
 * followed tasks (a gate exception they asked for) go to the new owner; a task offered to managers is offered to
 * those of the new org unit when the unit changed; and the task permissions Camunda gave the users who lost a task
 * are removed (Camunda keeps an assignee's or candidate's permission when they are replaced, so the previous owner
 * could otherwise still open, claim and complete it in Tasklist or {@code /engine-rest}). The process's
 * {@code owner}, {@code orgUnit} and (when it was the previous owner) {@code stageWorker} follow, so later tasks go
 * to the new owner. Runs as the system, in the reassignment's transaction.
 */
@Component
class CamundaReassignmentWorkflow implements ReassignmentWorkflow {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final OpportunityManagers managers;

  CamundaReassignmentWorkflow(TaskService tasks, RuntimeService runtime, IdentityService identity,
      AuthorizationService authorizations, OpportunityManagers managers) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.authorizations = authorizations;
    this.managers = managers;
  }

  @Override
  public boolean isUser(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  @Override
  public Map<String, String> namesOf(Collection<String> userIds) {
    Map<String, String> names = new LinkedHashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    Authentication outer = identity.getCurrentAuthentication();
    identity.clearAuthentication(); // as the system: every user, in one bounded page
    try {
      for (User user : identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).listPage(0, userIds.size())) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
            + (user.getLastName() == null ? "" : user.getLastName())).strip();
        names.put(user.getId(), name.isEmpty() ? user.getId() : name);
      }
      return names;
    } finally {
      if (outer != null) {
        identity.setAuthentication(outer);
      }
    }
  }

  @Override
  public int handOver(Opportunity before, Opportunity after) {
    String instance = after.getProcessInstanceId();
    if (instance == null || runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
      return 0;
    }
    Authentication outer = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      followingVariables(instance, before.getOwner(), after);
      Set<String> newManagers = before.getOrgUnit().equals(after.getOrgUnit()) ? null
          : new HashSet<>(managers.ofOpportunity(after));
      Set<String> allManagers = newManagers == null ? Set.of() : identity.createUserQuery()
          .memberOfGroup(Role.MANAGER.groupId()).list().stream().map(User::getId).collect(Collectors.toSet());
      int moved = 0;
      for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
        if (handOver(task, before.getOwner(), after.getOwner(), newManagers, allManagers)) {
          moved++;
        }
      }
      return moved;
    } finally {
      if (outer != null) {
        identity.setAuthentication(outer);
      }
    }
  }

  private void followingVariables(String instance, String from, Opportunity after) {
    runtime.setVariable(instance, ProcessVariables.OWNER, after.getOwner());
    runtime.setVariable(instance, ProcessVariables.ORG_UNIT, after.getOrgUnit());
    if (from.equals(runtime.getVariable(instance, ProcessVariables.STAGE_WORKER))) {
      runtime.setVariable(instance, ProcessVariables.STAGE_WORKER, after.getOwner());
    }
  }

  /** Whether the task changed hands; {@code newManagers} null when the org unit stays. */
  private boolean handOver(Task task, String from, String to, Set<String> newManagers, Set<String> allManagers) {
    String id = task.getId();
    Set<String> lost = new HashSet<>();
    if (from.equals(task.getAssignee())) {
      tasks.setAssignee(id, to);
      lost.add(from);
    }
    if (from.equals(task.getOwner())) {
      tasks.setOwner(id, to);
      lost.add(from);
    }
    List<String> candidates = tasks.getIdentityLinksForTask(id).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .map(IdentityLink::getUserId).toList();
    if (candidates.contains(from)) {
      tasks.deleteCandidateUser(id, from);
      tasks.addCandidateUser(id, to);
      lost.add(from);
    }
    if (newManagers != null && candidates.stream().anyMatch(allManagers::contains)) {
      for (String manager : candidates) {
        if (allManagers.contains(manager) && !newManagers.contains(manager) && !manager.equals(to)) {
          tasks.deleteCandidateUser(id, manager);
          lost.add(manager);
        }
      }
      newManagers.stream().filter(m -> !candidates.contains(m)).forEach(m -> tasks.addCandidateUser(id, m));
      if (task.getAssignee() != null && allManagers.contains(task.getAssignee()) && !newManagers.contains(task.getAssignee())) {
        tasks.setAssignee(id, null); // claimed by a manager of the old unit: back to the new unit's managers
        lost.add(task.getAssignee());
      }
    }
    lost.remove(to);
    revoke(id, lost);
    return !lost.isEmpty() || (newManagers != null && candidates.stream().anyMatch(allManagers::contains));
  }

  /** Removes what Camunda granted these users on the task; it does not when they stop being its assignee or candidate. */
  private void revoke(String taskId, Set<String> users) {
    if (users.isEmpty()) {
      return;
    }
    authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .userIdIn(users.toArray(String[]::new)).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }
}
