package io.oppflow.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The assignee and the candidates of a task may read, claim and complete it ({@code TASK_WORK}), not hand it
 * to someone else nor change its variables beside completing it. Camunda's default ({@code UPDATE}) would let
 * a rep reassign or delegate their stage task to another rep, who could then change an opportunity that is
 * not theirs through Tasklist or {@code /engine-rest}; it would also let them set {@code gatePassed} or
 * {@code owner} on the task directly. Only for tasks created from now on: authorizations of existing tasks
 * keep what they were given. A task's owner may only read it ({@link TaskOwnerReadsOnly}).
 */
@Component
class TaskWorkPermissionPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    configuration.setResourceAuthorizationProvider(new TaskOwnerReadsOnly());
  }
}
