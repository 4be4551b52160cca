package io.oppflow.security;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations, except that a task's owner may only read it. In oppflow the owner of a task
 * is someone who follows it: the rep who asked for a gate exception owns its approval task, sees it in Tasklist
 * and cannot claim, complete or hand it on. Camunda's default would give the owner what the assignee gets
 * ({@code TASK_WORK}, {@link TaskWorkPermissionPlugin}), and with it the door to claim the manager's decision.
 * Working on a task takes its assignment or candidacy, whose authorizations stay Camunda's.
 */
class TaskOwnerReadsOnly extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    if (newOwner == null) {
      return null;
    }
    EnsureUtil.ensureValidIndividualResourceId("Cannot create authorization for task owner " + newOwner, newOwner);
    return new AuthorizationEntity[] {createOrUpdateAuthorization(task, newOwner, null, Resources.TASK, false, Permissions.READ)};
  }
}
