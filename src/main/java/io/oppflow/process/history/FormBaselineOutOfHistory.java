package io.oppflow.process.history;

import io.oppflow.process.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Camunda's own history writer, without the stage form's baseline: the facts a stage task's form was prefilled with
 * ({@link ProcessVariables#FORM_BASELINE}, task-local) are a working copy that tells what the user changed, written
 * when the task is created and gone when it completes. Its history would repeat the opportunity's facts, which the
 * gate records already keep with their hash, in {@code ACT_HI_VARINST} and {@code ACT_HI_DETAIL} on every stage task;
 * every other event is written as Camunda writes it.
 */
public class FormBaselineOutOfHistory implements HistoryEventHandler {

  private final HistoryEventHandler camunda = new DbHistoryEventHandler();

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isFormBaseline(event)) {
      camunda.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  static boolean isFormBaseline(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && ProcessVariables.FORM_BASELINE.equals(variable.getVariableName()) && variable.getTaskId() != null;
  }
}
