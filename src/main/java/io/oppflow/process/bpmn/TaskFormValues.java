package io.oppflow.process.bpmn;

import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageFormFields;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * What a task's form shows that is not a variable of the task: worked out from the opportunity and its gate
 * records each time the form is read, never stored on the task. A stage task's form shows the opportunity's facts as
 * they are now, an empty activity section with this stage's activities, and "advance" as the next step; a task named
 * for its deal ({@link TaskCaptions}) shows its stage's gate feedback and, on a manager's task, the deal's summary.
 * So opening a form costs a few reads, and creating or completing a stage task writes no form variables (with
 * their history) at all.
 */
@Component
public class TaskFormValues {

  private final OpportunityService opportunities;
  private final StageFormFields fields;
  private final StageFormActivity activity;
  private final TaskCaptions captions;

  TaskFormValues(OpportunityService opportunities, StageFormFields fields, StageFormActivity activity,
      TaskCaptions captions) {
    this.opportunities = opportunities;
    this.fields = fields;
    this.activity = activity;
    this.captions = captions;
  }

  /** The values {@code task}'s form shows beside its variables, by form key; empty for a task of no opportunity. */
  public Map<String, Object> of(DelegateTask task) {
    Map<String, Object> values = new LinkedHashMap<>();
    String code = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (code == null) {
      return values;
    }
    Opportunity opportunity = opportunities.byCode(code);
    if (isStageForm(task)) {
      values.putAll(fields.toForm(OpportunityFacts.of(opportunity)));
      values.putAll(activity.prefill(code, opportunity.getStage()));
      values.put(ProcessVariables.STAGE_ACTION, ProcessVariables.ACTION_ADVANCE);
    }
    UserTask element = task.getBpmnModelElementInstance();
    if (TaskCaptions.isDeclaredOn(element)) {
      DealCaption caption = captions.captionOf(element, task.getProcessInstanceId(), opportunity);
      // null too: a stage that starts clean shows no feedback, whatever an earlier version left on the instance
      values.put(ProcessVariables.GATE_FEEDBACK, caption.feedback());
      if (caption.dealSummary() != null) {
        values.put(ProcessVariables.DEAL_SUMMARY, caption.dealSummary());
      }
    }
    return values;
  }

  /**
   * Puts a value submitted with {@code task} on it for the completing command only (transient), or, on a task
   * opened by an earlier version that keeps its form values as task variables, into that variable.
   */
  public static void putSubmitted(DelegateTask task, String name, Object value) {
    task.setVariableLocal(name, task.hasVariableLocal(name) ? value : transientOf(value));
  }

  private static TypedValue transientOf(Object value) {
    // an untyped value (a plain Java value in a variable map) is not made transient by Camunda: unwrap it first
    Object plain = value instanceof TypedValue typed && typed.getType() == null ? typed.getValue() : value;
    return Variables.untypedValue(plain, true);
  }

  /** A stage task's form: its task was opened by {@code ${prefillStageForm}}, which leaves the form's baseline. */
  public static boolean isStageForm(DelegateTask task) {
    return task.hasVariableLocal(ProcessVariables.FORM_BASELINE);
  }
}
