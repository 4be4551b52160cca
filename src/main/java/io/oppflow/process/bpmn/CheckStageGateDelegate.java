package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import io.oppflow.gate.GateDecision;
import io.oppflow.gate.StageGateService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkStageGate}}: runs the gate of the stage named by the task's {@code stage} input and
 * leaves {@code gatePassed} for the gateway. The failed criteria are in the gate record, from which
 * {@link TaskCaptions} names the re-opened stage task and fills its {@code gateFeedback}.
 */
@Component("checkStageGate")
public class CheckStageGateDelegate implements JavaDelegate {

  private final StageGateService gates;

  CheckStageGateDelegate(StageGateService gates) {
    this.gates = gates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String stage = (String) execution.getVariableLocal(ProcessVariables.GATE_STAGE);
    if (stage == null) {
      throw new IllegalStateException("Gate " + execution.getCurrentActivityId() + " has no 'stage' input");
    }
    GateDecision decision = gates.evaluate(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        stage, ActingUser.of(execution.getProcessEngineServices()));
    ChangedVariables.set(execution.getProcessInstance(), ProcessVariables.GATE_PASSED, decision.verdict().passed());
  }

}
