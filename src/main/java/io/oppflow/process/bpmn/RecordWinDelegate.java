package io.oppflow.process.bpmn;

import io.oppflow.opportunity.OpportunityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${recordWin}}: the last gate passed; the opportunity is won. */
@Component("recordWin")
public class RecordWinDelegate implements JavaDelegate {

  private final OpportunityService opportunities;

  RecordWinDelegate(OpportunityService opportunities) {
    this.opportunities = opportunities;
  }

  @Override
  public void execute(DelegateExecution execution) {
    opportunities.markWon(execution.getProcessBusinessKey());
  }
}
