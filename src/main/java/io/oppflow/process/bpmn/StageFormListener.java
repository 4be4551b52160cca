package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageFormFields;
import io.oppflow.shared.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.opportunity.Loss;
import io.oppflow.opportunity.LossReason;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.opportunity.OpportunityService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stage form's two ends, one protocol: {@code ${prefillStageForm}} (task create) remembers the opportunity's
 * current facts as the form's baseline, the one variable a stage task keeps (the values the form shows are worked out
 * when it is read, {@link TaskFormValues}); {@code ${applyStageForm}} (task complete) records the facts the user
 * changed (through the opportunity service, as the API does), logs the activity entered in the activity section and
 * hands the chosen action to the process. The submitted values are the task's own (task-local, transient: kept for
 * the completing command only, never written with their history); a field counts as changed when its value differs
 * from the baseline and from the opportunity as it is now, so a form opened before another door changed a fact
 * does not undo that change. A refusal names the form's field in both languages ({@link FormRefusal}).
 */
public class StageFormListener implements TaskListener {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final OpportunityService opportunities;
  private final StageFormFields fields;
  private final StageFormActivity activity;
  private final ObjectMapper json;

  StageFormListener(OpportunityService opportunities, StageFormFields fields, StageFormActivity activity,
      ObjectMapper json) {
    this.opportunities = opportunities;
    this.fields = fields;
    this.activity = activity;
    this.json = json;
  }

  /** The names every version of the stage processes deployed so far calls the two ends by. */
  @Configuration(proxyBeanMethods = false)
  static class Names {

    @Bean({"prefillStageForm", "applyStageForm"})
    StageFormListener stageForm(OpportunityService opportunities, StageFormFields fields, StageFormActivity activity,
        ObjectMapper json) {
      return new StageFormListener(opportunities, fields, activity, json);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      prefill(task);
    } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      apply(task);
    }
  }

  private void prefill(DelegateTask task) {
    Opportunity opportunity = opportunities.byCode(task.getExecution().getProcessBusinessKey());
    try {
      task.setVariableLocal(ProcessVariables.FORM_BASELINE,
          json.writeValueAsString(fields.toForm(OpportunityFacts.of(opportunity))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the form baseline", e);
    }
  }

  private void apply(DelegateTask task) {
    String code = task.getExecution().getProcessBusinessKey();
    try {
      // only the fields changed on the form count: a completion that changes none (our API's advance,
      // whose facts are already recorded) leaves the opportunity's facts as they are
      recordChangedFacts(task, code);
    } catch (InvalidRequestException e) {
      throw FormRefusal.inFormWords(e, FormRefusal.NOT_COMPLETED, key -> key, key -> blank(task.getVariableLocal(key)));
    }
    // logged before the gate runs (after this task), so the gate sees it at once
    activity.logEntered(task, code);
    Object chosen = task.getVariableLocal(ProcessVariables.STAGE_ACTION);
    String action = chosen == null ? ProcessVariables.ACTION_ADVANCE : chosen.toString();
    DelegateExecution instance = task.getExecution().getProcessInstance();
    if (ProcessVariables.ACTION_LOSE.equals(action)) {
      Loss loss = lossOf(task);
      instance.setVariable(ProcessVariables.LOSS_REASON, loss.getReason().name());
      instance.setVariable(ProcessVariables.LOSS_COMPETITOR, loss.getCompetitor());
      instance.setVariable(ProcessVariables.LOSS_NOTE, loss.getNote());
    } else if (ProcessVariables.ACTION_REQUEST_EXCEPTION.equals(action)) {
      Object reason = task.getVariableLocal(ProcessVariables.EXCEPTION_REASON);
      if (blank(reason)) {
        throw FormRefusal.inFormWords(
            InvalidRequestException.of(ProcessVariables.EXCEPTION_REASON, "请说明申请例外的理由 / say why an exception is justified"),
            FormRefusal.NOT_COMPLETED, key -> key, key -> true);
      }
      instance.setVariable(ProcessVariables.EXCEPTION_REASON, reason.toString());
    } else if (!ProcessVariables.ACTION_ADVANCE.equals(action)) {
      throw FormRefusal.inFormWords(
          InvalidRequestException.of(ProcessVariables.STAGE_ACTION, "须为 ADVANCE（推进）、LOSE（丢单）或 REQUEST_EXCEPTION（申请例外） / "
              + "must be ADVANCE, LOSE or REQUEST_EXCEPTION"),
          FormRefusal.NOT_COMPLETED, key -> key, key -> blank(task.getVariableLocal(key)));
    }
    ChangedVariables.set(instance, ProcessVariables.STAGE_ACTION, action);
  }

  private void recordChangedFacts(DelegateTask task, String code) {
    Map<String, Object> submitted = new HashMap<>(task.getVariablesLocal());
    Map<String, Object> changedSinceCreated = fields.changes(submitted, baseline(task));
    if (changedSinceCreated.isEmpty()) {
      return;
    }
    OpportunityFacts current = OpportunityFacts.of(opportunities.byCode(code));
    Map<String, Object> changed = fields.changes(changedSinceCreated, fields.toForm(current));
    if (!changed.isEmpty()) {
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
      Object reason = task.getVariableLocal(ProcessVariables.LOSS_REASON);
      LossReason lossReason;
      try {
        lossReason = blank(reason) ? null : LossReason.valueOf(reason.toString());
      } catch (IllegalArgumentException e) {
        throw InvalidRequestException.of(ProcessVariables.LOSS_REASON, "须为 CUSTOMER_STOPPED、COMPETITOR 或 OTHER / "
            + "must be CUSTOMER_STOPPED, COMPETITOR or OTHER");
      }
      return Loss.of(lossReason, text(task.getVariableLocal(ProcessVariables.LOSS_COMPETITOR)),
          text(task.getVariableLocal(ProcessVariables.LOSS_NOTE)));
    } catch (InvalidRequestException e) {
      throw FormRefusal.inFormWords(e, FormRefusal.NOT_COMPLETED, StageFormListener::lossKeyOf,
          key -> blank(task.getVariableLocal(key)));
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
