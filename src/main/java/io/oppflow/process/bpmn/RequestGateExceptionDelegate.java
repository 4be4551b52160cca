package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import io.oppflow.gate.GateExceptionView;
import io.oppflow.gate.GateExceptionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${requestGateException}}: records the rep's request to except the stage's failed gate. */
@Component("requestGateException")
public class RequestGateExceptionDelegate implements JavaDelegate {

  private final GateExceptionService exceptions;

  RequestGateExceptionDelegate(GateExceptionService exceptions) {
    this.exceptions = exceptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String stage = (String) execution.getVariableLocal(ProcessVariables.GATE_STAGE);
    GateExceptionView exception = exceptions.request(execution.getProcessBusinessKey(), stage,
        ActingUser.of(execution.getProcessEngineServices()),
        (String) execution.getVariable(ProcessVariables.EXCEPTION_REASON));
    DelegateExecution instance = execution.getProcessInstance();
    instance.setVariable(ProcessVariables.GATE_EXCEPTION_ID, exception.id());
    instance.setVariable(ProcessVariables.EXCEPTION_REQUESTED_BY, exception.requestedBy());
    instance.setVariable(ProcessVariables.EXCEPTION_REQUEST_REASON, exception.requestReason());
  }
}
