package io.oppflow.process;

import io.oppflow.gate.GateExceptionService;
import io.oppflow.opportunity.InvalidOpportunityException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${decideGateException}}: the manager's decision. Approved, the stage is left as an exception
 * ({@code gatePassed}); rejected, the rep's task comes back with the manager's reason.
 */
@Component("decideGateException")
class DecideGateExceptionListener implements TaskListener {

  private final GateExceptionService exceptions;

  DecideGateExceptionListener(GateExceptionService exceptions) {
    this.exceptions = exceptions;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ProcessVariables.EXCEPTION_DECISION);
    String reason = (String) task.getVariable(ProcessVariables.EXCEPTION_DECISION_REASON);
    long id = ((Number) task.getVariable(ProcessVariables.GATE_EXCEPTION_ID)).longValue();
    String manager = ActingUser.of(task.getProcessEngineServices());
    DelegateExecution instance = task.getExecution().getProcessInstance();
    if (ProcessVariables.DECISION_APPROVE.equals(decision)) {
      exceptions.approve(id, manager, reason);
      instance.setVariable(ProcessVariables.GATE_PASSED, true);
    } else if (ProcessVariables.DECISION_REJECT.equals(decision)) {
      exceptions.reject(id, manager, reason);
      instance.setVariable(ProcessVariables.GATE_PASSED, false);
      instance.setVariable(ProcessVariables.GATE_FEEDBACK, "✗ 例外申请被 " + manager + " 驳回 / Exception rejected by "
          + manager + ": " + reason + "\n" + instance.getVariable(ProcessVariables.GATE_FEEDBACK));
    } else {
      throw InvalidOpportunityException.of(ProcessVariables.EXCEPTION_DECISION, "must be APPROVE or REJECT");
    }
  }

}
