package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageFormFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.opportunity.OpportunityService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${prefillStageForm}}: puts the opportunity's current facts on the new stage task (task-local),
 * so the Camunda Form shows them, and remembers them to tell later what the user changed.
 */
@Component("prefillStageForm")
public class PrefillStageFormListener implements TaskListener {

  private final OpportunityService opportunities;
  private final StageFormFields fields;
  private final ObjectMapper json;

  PrefillStageFormListener(OpportunityService opportunities, StageFormFields fields, ObjectMapper json) {
    this.opportunities = opportunities;
    this.fields = fields;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    String code = task.getExecution().getProcessBusinessKey();
    Map<String, Object> form = fields.toForm(OpportunityFacts.of(opportunities.byCode(code)));
    task.setVariablesLocal(form);
    task.setVariableLocal(ProcessVariables.STAGE_ACTION, ProcessVariables.ACTION_ADVANCE);
    try {
      task.setVariableLocal(ProcessVariables.FORM_BASELINE, json.writeValueAsString(form));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the form baseline", e);
    }
  }
}
