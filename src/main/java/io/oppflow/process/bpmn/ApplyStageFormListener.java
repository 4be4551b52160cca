package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageFormFields;
import io.oppflow.shared.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.opportunity.Loss;
import io.oppflow.opportunity.LossReason;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.opportunity.OpportunityService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${applyStageForm}}: when a stage task completes, records the facts the user changed on the
 * form (through the opportunity service, as the API does), logs the activity entered in its activity section and
 * hands the chosen action to the process. A refusal names the form's field in both languages ({@link FormRefusal}).
 */
@Component("applyStageForm")
public class ApplyStageFormListener implements TaskListener {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final OpportunityService opportunities;
  private final StageFormFields fields;
  private final StageFormActivity activity;
  private final ObjectMapper json;

  ApplyStageFormListener(OpportunityService opportunities, StageFormFields fields, StageFormActivity activity,
      ObjectMapper json) {
    this.opportunities = opportunities;
    this.fields = fields;
    this.activity = activity;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    String code = task.getExecution().getProcessBusinessKey();
    try {
      // only the fields changed on the form count: a completion that changes none (our API's advance,
      // whose facts are already recorded) leaves the opportunity's facts as they are
      recordChangedFacts(task, code);
    } catch (InvalidRequestException e) {
      throw FormRefusal.inFormWords(e, FormRefusal.NOT_COMPLETED, key -> key, key -> blank(task.getVariable(key)));
    }
    // logged before the gate runs (after this task), so the gate sees it at once
    activity.logEntered(task, code);
    String action = String.valueOf(task.getVariable(ProcessVariables.STAGE_ACTION));
    DelegateExecution instance = task.getExecution().getProcessInstance();
    if (ProcessVariables.ACTION_LOSE.equals(action)) {
      Loss loss = lossOf(task);
      instance.setVariable(ProcessVariables.LOSS_REASON, loss.getReason().name());
      instance.setVariable(ProcessVariables.LOSS_COMPETITOR, loss.getCompetitor());
      instance.setVariable(ProcessVariables.LOSS_NOTE, loss.getNote());
    } else if (ProcessVariables.ACTION_REQUEST_EXCEPTION.equals(action)) {
      Object reason = task.getVariable(ProcessVariables.EXCEPTION_REASON);
      if (blank(reason)) {
        throw FormRefusal.inFormWords(
            InvalidRequestException.of(ProcessVariables.EXCEPTION_REASON, "say why an exception is justified"),
            FormRefusal.NOT_COMPLETED, key -> key, key -> true);
      }
      instance.setVariable(ProcessVariables.EXCEPTION_REASON, reason.toString());
    } else if (!ProcessVariables.ACTION_ADVANCE.equals(action)) {
      throw FormRefusal.inFormWords(
          InvalidRequestException.of(ProcessVariables.STAGE_ACTION, "must be ADVANCE, LOSE or REQUEST_EXCEPTION"),
          FormRefusal.NOT_COMPLETED, key -> key, key -> blank(task.getVariable(key)));
    }
    instance.setVariable(ProcessVariables.STAGE_ACTION, action);
  }

  private void recordChangedFacts(DelegateTask task, String code) {
    Map<String, Object> submitted = new HashMap<>(task.getVariablesLocal());
    Map<String, Object> changed = fields.changes(submitted, baseline(task));
    if (!changed.isEmpty()) {
      OpportunityFacts current = OpportunityFacts.of(opportunities.byCode(code));
      opportunities.recordFacts(code, fields.apply(current, changed));
    }
  }

  private Map<String, Object> baseline(DelegateTask task) {
    Object baseline = task.getVariableLocal(ProcessVariables.FORM_BASELINE);
    if (baseline == null) {
      return Map.of();
    }
    try {
      return json.readValue(baseline.toString(), MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable form baseline on task " + task.getId(), e);
    }
  }

  /** The loss the form describes; a refusal names the form's loss fields. */
  private static Loss lossOf(DelegateTask task) {
    try {
      Object reason = task.getVariable(ProcessVariables.LOSS_REASON);
      LossReason lossReason;
      try {
        lossReason = blank(reason) ? null : LossReason.valueOf(reason.toString());
      } catch (IllegalArgumentException e) {
        throw InvalidRequestException.of(ProcessVariables.LOSS_REASON, "must be CUSTOMER_STOPPED, COMPETITOR or OTHER");
      }
      return Loss.of(lossReason, text(task.getVariable(ProcessVariables.LOSS_COMPETITOR)),
          text(task.getVariable(ProcessVariables.LOSS_NOTE)));
    } catch (InvalidRequestException e) {
      throw FormRefusal.inFormWords(e, FormRefusal.NOT_COMPLETED, ApplyStageFormListener::lossKeyOf,
          key -> blank(task.getVariable(key)));
    }
  }

  private static String lossKeyOf(String field) {
    return switch (field) {
      case "reason" -> ProcessVariables.LOSS_REASON;
      case "competitor" -> ProcessVariables.LOSS_COMPETITOR;
      case "note" -> ProcessVariables.LOSS_NOTE;
      default -> field;
    };
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }

}
