package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * When a stage task completes, remembers on the process instance who completed it, taken from Camunda's
 * authentication (Tasklist, {@code /engine-rest}, or our API, which completes tasks signed in as its user),
 * never from a variable: {@link StageAssignee} gives that person the next project-team stage task. A
 * completion by the engine itself (no user signed in) keeps the last one. Added to every stage task when it
 * is parsed, so a process designer cannot forget it.
 */
public final class RememberStageWorker implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String user = ActingUser.of(task.getProcessEngineServices());
    if (!ActingUser.SYSTEM.userId().equals(user)) {
      ChangedVariables.set(task.getExecution().getProcessInstance(), ProcessVariables.STAGE_WORKER, user);
    }
  }
}
