package io.oppflow.process;

import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads the stage properties sales-ops set on a stage element in the modeler. */
public final class StageModel {

  public static final String STAGE_CODE = "stageCode";
  public static final String STAGE_ORDER = "stageOrder";
  public static final String WIN_PROBABILITY = "winProbability";
  /** ISO-8601 duration (e.g. P30D) after which the stage's timer asks the managers to review the opportunity. */
  public static final String DWELL_LIMIT = "dwellLimit";

  private StageModel() {}

  /** The id of a stage's user task: {@code Task_<STAGECODE>}. */
  public static String stageTaskId(String stage) {
    return "Task_" + stage;
  }

  /** The id of the task that decides an exception to a stage's gate: {@code Task_<STAGECODE>_ApproveException}. */
  public static String approvalTaskId(String stage) {
    return "Task_" + stage + "_ApproveException";
  }

  public static Optional<String> property(BaseElement element, String name) {
    if (element == null) {
      return Optional.empty();
    }
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }
}
