package io.oppflow.process;

import io.oppflow.gate.GateDecision;
import io.oppflow.gate.GateEvaluated;
import io.oppflow.gate.GateException;
import io.oppflow.gate.GateExceptionService;
import io.oppflow.gate.GateExceptionView;
import java.util.List;
import io.oppflow.opportunity.ChangePrecondition;
import io.oppflow.opportunity.Loss;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityConflictException;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.opportunity.OpportunityView;
import io.oppflow.organization.Actor;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Advances or loses an opportunity for the API by completing its current stage task, exactly as a rep
 * does in Tasklist: the same listeners, the same gate, the same records.
 */
@Service
public class StageProgression {

  private static final ThreadLocal<GateDecision> DECISION = new ThreadLocal<>();

  private final OpportunityService opportunities;
  private final GateExceptionService exceptions;
  private final TaskService tasks;

  StageProgression(OpportunityService opportunities, GateExceptionService exceptions, TaskService tasks) {
    this.opportunities = opportunities;
    this.exceptions = exceptions;
    this.tasks = tasks;
  }

  /**
   * Asks the gate of the current stage; on a pass the opportunity moves to the next stage (or is won).
   * With a precondition (the version or stage the caller saw) a duplicate request is refused, so the
   * opportunity moves once however often the request arrives.
   */
  @Transactional
  public AdvanceResult advance(String code, ChangePrecondition expected, Actor actor) {
    Task task = stageTask(opportunities.lockedForChange(code, expected, actor));
    DECISION.remove();
    try {
      tasks.setVariableLocal(task.getId(), ProcessVariables.STAGE_ACTION, ProcessVariables.ACTION_ADVANCE);
      completeAs(actor, task);
      GateDecision decision = DECISION.get();
      if (decision == null) {
        throw new IllegalStateException("Stage task " + task.getTaskDefinitionKey() + " completed without a gate");
      }
      OpportunityView now = opportunities.view(opportunities.byCode(code));
      return new AdvanceResult(code, decision.verdict().verdict(), decision.verdict().stage(), now.stage(),
          now.status(), decision.verdict().failures(), decision.verdict().warnings(),
          decision.verdict().rulesVersion(), decision.recordId(), now.version());
    } finally {
      DECISION.remove();
    }
  }

  /** Ends the opportunity as lost, from whatever stage it is in (the one the caller saw, if it says so). */
  @Transactional
  public OpportunityView lose(String code, LossRequest request, ChangePrecondition expected, Actor actor) {
    Loss loss = Loss.of(request.reason(), request.competitor(), request.note());
    Task task = stageTask(opportunities.lockedForChange(code, expected, actor));
    // Task-local, like a form submission: the task's prefilled values must not shadow the request.
    tasks.setVariablesLocal(task.getId(), Variables.createVariables()
        .putValue(ProcessVariables.STAGE_ACTION, ProcessVariables.ACTION_LOSE)
        .putValue(ProcessVariables.LOSS_REASON, loss.getReason().name())
        .putValue(ProcessVariables.LOSS_COMPETITOR, loss.getCompetitor())
        .putValue(ProcessVariables.LOSS_NOTE, loss.getNote()));
    completeAs(actor, task);
    return opportunities.view(opportunities.byCode(code));
  }

  /** Asks a manager of the opportunity's org unit to except the stage's failed gate. */
  @Transactional
  public GateExceptionView requestException(String code, String reason, Actor actor) {
    Task task = stageTask(opportunities.lockedForChange(code, ChangePrecondition.NONE, actor));
    tasks.setVariablesLocal(task.getId(), Variables.createVariables()
        .putValue(ProcessVariables.STAGE_ACTION, ProcessVariables.ACTION_REQUEST_EXCEPTION)
        .putValue(ProcessVariables.EXCEPTION_REASON, reason));
    completeAs(actor, task);
    List<GateExceptionView> all = exceptions.of(code);
    return all.get(all.size() - 1);
  }

  /**
   * A manager of the opportunity's org unit approves (the stage is left) or rejects the exception, by
   * completing its approval task as Tasklist does; {@link GateExceptionService} decides who may.
   */
  @Transactional
  public GateExceptionView decideException(long id, boolean approve, String reason, Actor actor) {
    GateException exception = exceptions.get(id);
    opportunities.decidableBy(exception.opportunityCode(), actor);
    if (exception.status() != GateException.Status.PENDING) {
      throw new OpportunityConflictException("Exception " + id + " was already " + exception.status());
    }
    Task task = tasks.createTaskQuery().processInstanceId(exception.processInstanceId())
        .taskDefinitionKey("Task_" + exception.stage() + "_ApproveException").singleResult();
    if (task == null || !exceptions.pendingIn(exception.processInstanceId()).id().equals(exception.id())) {
      throw new OpportunityConflictException("Exception " + id + " is not waiting for a decision");
    }
    tasks.setVariablesLocal(task.getId(), Variables.createVariables()
        .putValue(ProcessVariables.EXCEPTION_DECISION, approve ? ProcessVariables.DECISION_APPROVE : ProcessVariables.DECISION_REJECT)
        .putValue(ProcessVariables.EXCEPTION_DECISION_REASON, reason));
    completeAs(actor, task);
    return exceptions.view(exceptions.get(id));
  }

  @EventListener
  void on(GateEvaluated event) {
    DECISION.set(event.decision());
  }

  private Task stageTask(Opportunity o) {
    if (!o.isOpen()) {
      throw new OpportunityConflictException("Opportunity " + o.getCode() + " is " + o.getStatus());
    }
    Task task = tasks.createTaskQuery().processInstanceId(o.getProcessInstanceId())
        .taskDefinitionKey("Task_" + o.getStage()).singleResult();
    if (task == null) {
      throw new OpportunityConflictException("Opportunity " + o.getCode() + " is not waiting at its "
          + o.getStage() + " stage task");
    }
    return task;
  }

  private void completeAs(Actor actor, Task task) {
    ActingUser.apiCall(actor, () -> {
      tasks.complete(task.getId());
      return null;
    });
  }

}
