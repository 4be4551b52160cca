package io.oppflow.process.bpmn;

import io.oppflow.process.StageModel;
import io.oppflow.opportunity.OpportunityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** {@code ${stageEntered}}: the opportunity has entered the stage element this listener sits on. */
@Component("stageEntered")
public class StageEnteredListener implements ExecutionListener {

  private final OpportunityService opportunities;

  StageEnteredListener(OpportunityService opportunities) {
    this.opportunities = opportunities;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String stage = StageModel.property(execution.getBpmnModelElementInstance(), StageModel.STAGE_CODE)
        .orElseThrow(() -> new IllegalStateException("Stage element " + execution.getCurrentActivityId()
            + " has no stageCode property"));
    opportunities.enterStage(execution.getProcessBusinessKey(), stage);
  }
}
