package io.oppflow.process.bpmn;

import io.oppflow.opportunity.NewOpportunity;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.opportunity.OpportunityView;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageFormFields;
import io.oppflow.shared.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Opens the opportunity of a stage process started with its start form ({@code form-start-opportunity}:
 * Tasklist's "Start process", or the form's fields sent to {@code /engine-rest}). The form's values become
 * the facts, checked and saved by {@link OpportunityService} as for {@code POST /api/opportunities}; the
 * owner is the user Camunda authenticated and the org unit theirs in the directory, never a variable; the
 * generated code becomes the instance's business key. Afterwards the instance holds only {@code owner} and
 * {@code orgUnit}, like an instance the API started: nothing else a starter sent stays in it.
 */
@Component
public class OpportunityFromStartForm {

  private final OpportunityService opportunities;
  private final OrgUnitDirectory directory;
  private final StageFormFields fields;

  OpportunityFromStartForm(OpportunityService opportunities, OrgUnitDirectory directory, StageFormFields fields) {
    this.opportunities = opportunities;
    this.directory = directory;
    this.fields = fields;
  }

  /** Whether the starting instance carries values of a start form (any opportunity fact's form key). */
  public boolean carriesStartForm(DelegateExecution execution) {
    for (String key : StageFormFields.keys()) {
      if (execution.hasVariable(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Opens the opportunity for this starting instance and makes its code the business key.
   *
   * @param code the code the starter asked for (a business key typed in), or null to generate one
   * @return the opportunity's code
   */
  public String open(DelegateExecution execution, String code) {
    String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    OpportunityView opened;
    try {
      OpportunityFacts facts = fields.fromForm(execution.getVariables());
      opened = opportunities.openForStartingProcess(new NewOpportunity(code, processKey, null, null, facts),
          ActingUser.actor(execution.getProcessEngineServices(), directory), execution.getProcessInstanceId());
    } catch (InvalidRequestException e) {
      throw inFormWords(e);
    }
    execution.setProcessBusinessKey(opened.code());
    execution.removeVariables();
    execution.setVariable(ProcessVariables.OWNER, opened.owner());
    execution.setVariable(ProcessVariables.ORG_UNIT, opened.orgUnit());
    return opened.code();
  }

  /** The refusal with the form's field keys and labels, in both languages, as Tasklist shows it. */
  private static InvalidRequestException inFormWords(InvalidRequestException e) {
    return FormRefusal.inFormWords(e, FormRefusal.NOT_OPENED, key -> key, key -> false);
  }
}
