package io.oppflow.process.adapter;

import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageModel;
import io.oppflow.opportunity.Loss;
import io.oppflow.opportunity.OpportunityConflictException;
import io.oppflow.organization.Actor;
import io.oppflow.progression.StageWorkflow;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import io.oppflow.process.bpmn.TaskFormValues;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Drives the stage process for the progression use cases: puts the task's inputs on it as a form submission
 * does (task-local and transient, for the completing command only) and completes it signed in to the
 * engine as the acting user, so every listener, the gate record and Camunda's operation log name who
 * acted, exactly as for a Tasklist completion. The use case has already decided that the user may change
 * the opportunity; Camunda's task permissions (which follow Tasklist's candidate rules) are not asked again.
 */
@Component
public class CamundaStageWorkflow implements StageWorkflow {

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;

  CamundaStageWorkflow(IdentityService identity, ProcessEngineConfigurationImpl engine) {
    this.identity = identity;
    this.engine = engine;
  }

  @Override
  public void advance(String processInstanceId, String stage, Actor actor) {
    completeStageTask(processInstanceId, stage, Map.of(ProcessVariables.STAGE_ACTION, ProcessVariables.ACTION_ADVANCE),
        actor);
  }

  @Override
  public void lose(String processInstanceId, String stage, Loss loss, Actor actor) {
    completeStageTask(processInstanceId, stage, Variables.createVariables()
        .putValue(ProcessVariables.STAGE_ACTION, ProcessVariables.ACTION_LOSE)
        .putValue(ProcessVariables.LOSS_REASON, loss.getReason().name())
        .putValue(ProcessVariables.LOSS_COMPETITOR, loss.getCompetitor())
        .putValue(ProcessVariables.LOSS_NOTE, loss.getNote()), actor);
  }

  @Override
  public void requestException(String processInstanceId, String stage, String reason, Actor actor) {
    completeStageTask(processInstanceId, stage, Variables.createVariables()
        .putValue(ProcessVariables.STAGE_ACTION, ProcessVariables.ACTION_REQUEST_EXCEPTION)
        .putValue(ProcessVariables.EXCEPTION_REASON, reason), actor);
  }

  @Override
  public void decideException(String processInstanceId, String stage, boolean approve, String reason, Actor actor) {
    boolean done = complete(processInstanceId, StageModel.approvalTaskId(stage), Variables.createVariables()
        .putValue(ProcessVariables.EXCEPTION_DECISION, approve ? ProcessVariables.DECISION_APPROVE : ProcessVariables.DECISION_REJECT)
        .putValue(ProcessVariables.EXCEPTION_DECISION_REASON, reason), actor);
    if (!done) {
      throw new OpportunityConflictException("阶段 " + stage + " 的例外不在等待审批 / The exception at stage " + stage
          + " is not waiting for a decision");
    }
  }

  private void completeStageTask(String processInstanceId, String stage, Map<String, Object> inputs, Actor actor) {
    if (!complete(processInstanceId, StageModel.stageTaskId(stage), inputs, actor)) {
      throw new OpportunityConflictException("商机不在等待其阶段 " + stage + " 的任务 / The opportunity is not waiting at its "
          + stage + " stage task");
    }
  }

  /**
   * Completes the instance's open task of that BPMN element in one command, which finds it among the instance's
   * tasks (no task query); false if the instance has no such task open.
   */
  private boolean complete(String processInstanceId, String taskDefinitionKey, Map<String, Object> inputs, Actor actor) {
    Authentication outer = identity.getCurrentAuthentication();
    identity.setAuthentication(actor.userId(), actor.roles().stream().map(r -> r.groupId()).toList());
    try {
      return engine.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        try {
          // the task's inputs are the completing command's own (transient): read by its complete listeners,
          // never written as variables with their history
          TaskEntity entity = context.getTaskManager().findTasksByProcessInstanceId(processInstanceId).stream()
              .filter(t -> taskDefinitionKey.equals(t.getTaskDefinitionKey())).findFirst().orElse(null);
          if (entity == null) {
            return false;
          }
          inputs.forEach((name, value) -> TaskFormValues.putSubmitted(entity, name, value));
          new CompleteTaskCmd(entity.getId(), null).execute(context);
          return true;
        } finally {
          context.enableAuthorizationCheck();
        }
      });
    } finally {
      if (outer == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(outer);
      }
    }
  }
}
