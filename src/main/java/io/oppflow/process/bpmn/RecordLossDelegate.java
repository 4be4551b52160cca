package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import io.oppflow.opportunity.Loss;
import io.oppflow.opportunity.LossReason;
import io.oppflow.opportunity.OpportunityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${recordLoss}}: the opportunity ends as lost, with the reason given on the stage task. */
@Component("recordLoss")
public class RecordLossDelegate implements JavaDelegate {

  private final OpportunityService opportunities;

  RecordLossDelegate(OpportunityService opportunities) {
    this.opportunities = opportunities;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Loss loss = Loss.of(LossReason.valueOf((String) execution.getVariable(ProcessVariables.LOSS_REASON)),
        (String) execution.getVariable(ProcessVariables.LOSS_COMPETITOR),
        (String) execution.getVariable(ProcessVariables.LOSS_NOTE));
    opportunities.markLost(execution.getProcessBusinessKey(), loss);
  }
}
