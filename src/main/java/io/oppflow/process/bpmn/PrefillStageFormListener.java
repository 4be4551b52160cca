package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageFormFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.opportunity.OpportunityService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${prefillStageForm}}: puts the opportunity's current facts on the new stage task (task-local),
 * so the Camunda Form shows them, and remembers them to tell later what the user changed; the activity section
 * starts empty, with the activities logged in this stage so far.
 */
@Component("prefillStageForm")
public class PrefillStageFormListener implements TaskListener {

  private final OpportunityService opportunities;
  private final StageFormFields fields;
  private final StageFormActivity activity;
  private final ObjectMapper json;

  PrefillStageFormListener(OpportunityService opportunities, StageFormFields fields, StageFormActivity activity,
      ObjectMapper json) {
    this.opportunities = opportunities;
    this.fields = fields;
    this.activity = activity;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    String code = task.getExecution().getProcessBusinessKey();
    Opportunity opportunity = opportunities.byCode(code);
    Map<String, Object> form = fields.toForm(OpportunityFacts.of(opportunity));
    task.setVariablesLocal(form);
    // not part of the baseline: an activity is logged, never compared with the facts
    task.setVariablesLocal(activity.prefill(code, opportunity.getStage()));
    task.setVariableLocal(ProcessVariables.STAGE_ACTION, ProcessVariables.ACTION_ADVANCE);
    try {
      task.setVariableLocal(ProcessVariables.FORM_BASELINE, json.writeValueAsString(form));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the form baseline", e);
    }
  }
}
