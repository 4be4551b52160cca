package io.oppflow.process.bpmn;

import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.ActivityType;
import io.oppflow.opportunity.NewActivity;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.process.ProcessVariables;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.shared.Message;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The activity section of a stage task's form (活动 / Activity): an empty section and this stage's activities on
 * a new task's form, and the activity the user entered logged through {@link OpportunityService} when the task completes,
 * as the completing user. Its fields are task-local and never opportunity facts, so a re-opened task starts empty.
 */
@Component
public class StageFormActivity {

  /** The form keys of the section the user fills in. */
  public static final List<String> FIELDS = List.of(ProcessVariables.ACTIVITY_TYPE, ProcessVariables.ACTIVITY_DATE,
      ProcessVariables.ACTIVITY_CONTACT, ProcessVariables.ACTIVITY_DECISION_MAKER, ProcessVariables.ACTIVITY_NOTE);

  static final String NONE_YET = "尚无 / None yet";
  private static final Map<ActivityType, Message> TYPES = Map.of(
      ActivityType.VISIT, new Message("拜访", "Visit"),
      ActivityType.CALL, new Message("电话", "Call"),
      ActivityType.MEETING, new Message("会议", "Meeting"),
      ActivityType.DEMO, new Message("演示", "Demo"),
      ActivityType.PROPOSAL, new Message("方案", "Proposal"),
      ActivityType.OTHER, new Message("其他", "Other"));

  private final OpportunityService opportunities;
  private final OrgUnitDirectory directory;
  private final Clock clock;

  StageFormActivity(OpportunityService opportunities, OrgUnitDirectory directory, Clock clock) {
    this.opportunities = opportunities;
    this.directory = directory;
    this.clock = clock;
  }

  /** The section's values on a new task of {@code stage}: empty fields, and what was logged in the stage so far. */
  Map<String, Object> prefill(String code, String stage) {
    Map<String, Object> values = new LinkedHashMap<>();
    FIELDS.forEach(key -> values.put(key, null));
    values.put(ProcessVariables.STAGE_ACTIVITIES, lines(opportunities.activitiesOf(code), stage));
    return values;
  }

  /** Logs the activity entered on the completing task, if it has a type; refusals name the form's fields. */
  void logEntered(DelegateTask task, String code) {
    Object type = task.getVariableLocal(ProcessVariables.ACTIVITY_TYPE);
    if (type == null || type.toString().isBlank()) {
      return;
    }
    try {
      opportunities.logActivityOnTask(code, new NewActivity(typeOf(type), dateOf(task.getVariableLocal(ProcessVariables.ACTIVITY_DATE)),
          text(task.getVariableLocal(ProcessVariables.ACTIVITY_CONTACT)), flag(task.getVariableLocal(ProcessVariables.ACTIVITY_DECISION_MAKER)),
          text(task.getVariableLocal(ProcessVariables.ACTIVITY_NOTE))),
          ActingUser.actor(task.getProcessEngineServices(), directory));
    } catch (InvalidRequestException e) {
      throw FormRefusal.inFormWords(e, FormRefusal.NOT_COMPLETED, StageFormActivity::formKeyOf,
          key -> isBlank(task.getVariableLocal(key)));
    }
  }

  /** This stage's activities, one a line: date · type · contact · (决策人 / decision maker) · note. */
  public static String lines(List<Activity> activities, String stage) {
    List<String> lines = new ArrayList<>();
    for (Activity a : activities) {
      if (!a.getStage().equals(stage)) {
        continue;
      }
      List<String> parts = new ArrayList<>(List.of(a.getDate().toString(), TYPES.get(a.getType()).both()));
      if (a.getContact() != null) {
        parts.add(a.getContact());
      }
      if (a.isDecisionMaker()) {
        parts.add("(决策人 / decision maker)");
      }
      if (a.getNote() != null && !a.getNote().isBlank()) {
        parts.add(a.getNote().strip().replaceAll("\\s+", " "));
      }
      lines.add(String.join(" · ", parts));
    }
    return lines.isEmpty() ? NONE_YET : lines.stream().collect(Collectors.joining("\n"));
  }

  private static String formKeyOf(String field) {
    return switch (field) {
      case "type" -> ProcessVariables.ACTIVITY_TYPE;
      case "date" -> ProcessVariables.ACTIVITY_DATE;
      case "contact" -> ProcessVariables.ACTIVITY_CONTACT;
      case "note" -> ProcessVariables.ACTIVITY_NOTE;
      default -> field;
    };
  }

  private static ActivityType typeOf(Object value) {
    try {
      return ActivityType.valueOf(value.toString().strip());
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("type", "须为 VISIT、CALL、MEETING、DEMO、PROPOSAL 或 OTHER / "
          + "must be VISIT, CALL, MEETING, DEMO, PROPOSAL or OTHER");
    }
  }

  /** The date as form-js sends it ({@code 2026-12-02}), a date variable, or today when left empty. */
  private LocalDate dateOf(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    if (isBlank(value)) {
      return LocalDate.now(clock);
    }
    try {
      return LocalDate.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      throw InvalidRequestException.of("date", "须为日期，如 2026-11-27 / a date such as 2026-11-27");
    }
  }

  private static Boolean flag(Object value) {
    return value instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(value).strip());
  }

  private static String text(Object value) {
    return isBlank(value) ? null : value.toString();
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
