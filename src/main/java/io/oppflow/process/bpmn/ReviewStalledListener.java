package io.oppflow.process.bpmn;

import io.oppflow.funnel.StageIntervals;
import io.oppflow.process.adapter.StalledStage;
import io.oppflow.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Component;

/**
 * {@code ${reviewStalled}} on the stage's "Review stalled opportunity" task, which its candidate users
 * {@code ${opportunityManagers.of(execution)}} offer to the opportunity's managers. On create: shows the stage,
 * its dwell limit and the days spent in it. On complete: the manager must choose CONTINUE and leave a note;
 * the opportunity stays where it is.
 */
@Component("reviewStalled")
public class ReviewStalledListener implements TaskListener {

  public static final String STALLED_STAGE = "stalledStage";
  public static final String DAYS_IN_STAGE = "daysInStage";
  public static final String DWELL_LIMIT = "dwellLimit";
  public static final String DECISION = "stalledDecision";
  public static final String NOTE = "stalledNote";
  static final String CONTINUE = "CONTINUE";

  private final Clock clock;
  private final StageIntervals intervals;

  ReviewStalledListener(Clock clock, StageIntervals intervals) {
    this.clock = clock;
    this.intervals = intervals;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      showStage(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      if (!CONTINUE.equals(task.getVariable(DECISION))) {
        throw InvalidRequestException.of(DECISION, "须为 CONTINUE（继续跟进） / must be CONTINUE");
      }
      Object note = task.getVariable(NOTE);
      if (!(note instanceof String s) || s.isBlank()) {
        throw InvalidRequestException.of(NOTE, "请填写说明 / a note is required");
      }
    }
  }

  private void showStage(DelegateTask task) {
    StalledStage.of(task.getBpmnModelElementInstance()).ifPresent(stage -> {
      task.setVariableLocal(STALLED_STAGE, stage.code());
      stage.dwellLimit().ifPresent(limit -> task.setVariableLocal(DWELL_LIMIT, limit));
      // as the funnel counts it: an imported opportunity entered its stage long before its process did
      java.time.Instant entered = intervals.enteredAt(task.getProcessInstanceId(), stage.code())
          .or(() -> task.getProcessEngineServices().getHistoryService()
              .createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
              .activityId(stage.elementId()).unfinished().orderByHistoricActivityInstanceStartTime().desc()
              .listPage(0, 1).stream().findFirst().map(HistoricActivityInstance::getStartTime).map(java.util.Date::toInstant))
          .orElse(null);
      if (entered != null) {
        task.setVariableLocal(DAYS_IN_STAGE, Duration.between(entered, clock.instant()).toDays());
      }
    });
  }
}
