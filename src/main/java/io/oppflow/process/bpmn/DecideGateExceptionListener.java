package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.gate.GateExceptionService;
import io.oppflow.gate.GateExceptionStatus;
import io.oppflow.gate.GateExceptionView;
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
      GateExceptionView approved = exceptions.approvePendingIn(task.getProcessInstanceId(), manager, reason);
      instance.setVariable(ProcessVariables.GATE_PASSED, true);
      instance.setVariable(ProcessVariables.EXCEPTION_OUTCOME, outcome(approved));
    } else if (ProcessVariables.DECISION_REJECT.equals(decision)) {
      GateExceptionView rejected = exceptions.rejectPendingIn(task.getProcessInstanceId(), manager, reason);
      instance.setVariable(ProcessVariables.GATE_PASSED, false);
      instance.setVariable(ProcessVariables.EXCEPTION_OUTCOME, outcome(rejected));
    } else {
      throw InvalidRequestException.of(ProcessVariables.EXCEPTION_DECISION, "须为 APPROVE（批准）或 REJECT（驳回） / "
          + "must be APPROVE or REJECT");
    }
  }

  /** The decision as the gate log has it, for the requester: "✓ TARGET 关卡例外已由 manager1 批准：… / …". */
  static String outcome(GateExceptionView decided) {
    boolean approved = decided.status() == GateExceptionStatus.APPROVED;
    return (approved ? "✓ " : "✗ ") + decided.stage() + " 关卡例外" + (approved ? "已由 " : "被 ") + decided.decidedBy()
        + (approved ? " 批准：" : " 驳回：") + decided.decisionReason() + " / " + decided.stage() + " gate exception "
        + (approved ? "approved" : "rejected") + " by " + decided.decidedBy() + ": " + decided.decisionReason();
  }

}
