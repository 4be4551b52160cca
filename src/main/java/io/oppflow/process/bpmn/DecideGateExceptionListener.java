package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.gate.GateExceptionService;
import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${decideGateException}}: the manager's decision. Approved, the stage is left as an exception
 * ({@code gatePassed}); rejected, the rep's task comes back named for the rejection, with the manager's reason
 * (read from the exception's record by {@link TaskCaptions}). Which exception is
 * decided is the one pending in this process instance, and whether the user may decide it is
 * {@link GateExceptionService}'s call: no variable a caller sends (such as {@code gateExceptionId}) counts.
 */
@Component("decideGateException")
public class DecideGateExceptionListener implements TaskListener {

  private final GateExceptionService exceptions;
  private final OrgUnitDirectory directory;

  DecideGateExceptionListener(GateExceptionService exceptions, OrgUnitDirectory directory) {
    this.exceptions = exceptions;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ProcessVariables.EXCEPTION_DECISION);
    String reason = (String) task.getVariable(ProcessVariables.EXCEPTION_DECISION_REASON);
    Actor manager = ActingUser.actor(task.getProcessEngineServices(), directory);
    DelegateExecution instance = task.getExecution().getProcessInstance();
    if (ProcessVariables.DECISION_APPROVE.equals(decision)) {
      exceptions.approvePendingIn(task.getProcessInstanceId(), manager, reason);
      instance.setVariable(ProcessVariables.GATE_PASSED, true);
    } else if (ProcessVariables.DECISION_REJECT.equals(decision)) {
      exceptions.rejectPendingIn(task.getProcessInstanceId(), manager, reason);
      instance.setVariable(ProcessVariables.GATE_PASSED, false);
    } else {
      throw InvalidRequestException.of(ProcessVariables.EXCEPTION_DECISION, "must be APPROVE or REJECT");
    }
  }

}
