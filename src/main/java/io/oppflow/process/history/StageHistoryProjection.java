package io.oppflow.process.history;

import io.oppflow.process.StageModel;
import io.oppflow.funnel.StageIntervals;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Feeds the funnel's stage intervals from Camunda's history events, in the same transaction: every
 * entry into and exit from a stage element is seen here, also those of process-instance modifications
 * and migrations that skip the BPMN listeners. A stage left is marked with the user signed in to the engine,
 * so a stage an administrator moved the opportunity out of names who moved it.
 */
public class StageHistoryProjection implements HistoryEventHandler {

  private final ObjectProvider<StageIntervals> intervals;
  private final ObjectProvider<RepositoryService> repository;

  public StageHistoryProjection(ObjectProvider<StageIntervals> intervals, ObjectProvider<RepositoryService> repository) {
    this.intervals = intervals;
    this.repository = repository;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricActivityInstanceEventEntity activity) || !"subProcess".equals(activity.getActivityType())) {
      return;
    }
    if (HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(event.getEventType())) {
      BaseElement stage = stageElement(activity);
      String code = StageModel.property(stage, StageModel.STAGE_CODE).orElse(null);
      if (code == null) {
        return;
      }
      intervals.getObject().entered(businessKeyOf(activity.getProcessInstanceId()), activity.getProcessDefinitionKey(),
          activity.getProcessInstanceId(), activity.getActivityInstanceId(), code, order(stage),
          activity.getStartTime().toInstant(), StageIntervals.Source.ENGINE);
    } else if (HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE.getEventName().equals(event.getEventType())) {
      BaseElement stage = stageElement(activity);
      StageModel.property(stage, StageModel.STAGE_CODE).ifPresent(code -> intervals.getObject().migrated(
          activity.getActivityInstanceId(), activity.getProcessDefinitionKey(), code, order(stage),
          ClockUtil.getCurrentTime().toInstant(), signedInUser()));
    } else if (HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(event.getEventType())
        && StageModel.property(stageElement(activity), StageModel.STAGE_CODE).isPresent()) {
      // only a stage has an interval to close: another sub-process (of any process) costs no statement
      intervals.getObject().left(activity.getActivityInstanceId(), activity.getEndTime().toInstant(), !activity.isCanceled(),
          signedInUser());
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private BaseElement stageElement(HistoricActivityInstanceEventEntity activity) {
    return repository.getObject().getBpmnModelInstance(activity.getProcessDefinitionId())
        .getModelElementById(activity.getActivityId());
  }

  private static int order(BaseElement stage) {
    return StageModel.property(stage, StageModel.STAGE_ORDER).map(String::strip).map(Integer::valueOf).orElse(0);
  }

  /**
   * Who the engine has signed in for the command that makes the event: the Tasklist or {@code /engine-rest} user,
   * or our API's user (its use cases sign in as their user); null when the engine acts on its own (a timer).
   */
  private static String signedInUser() {
    return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
  }

  private static String businessKeyOf(String processInstanceId) {
    ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
    return instance == null ? processInstanceId : instance.getBusinessKey();
  }

}
