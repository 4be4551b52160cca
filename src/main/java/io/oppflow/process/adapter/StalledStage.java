package io.oppflow.process.adapter;

import io.oppflow.process.StageModel;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * The stage a "review stalled opportunity" task belongs to: the stage element whose dwell-limit timer
 * leads to the task.
 *
 * @param elementId the stage element's id, e.g. {@code Stage_TARGET}
 */
public record StalledStage(String elementId, String code, Optional<String> dwellLimit) {

  public static Optional<StalledStage> of(FlowNode reviewTask) {
    if (reviewTask == null) {
      return Optional.empty();
    }
    for (SequenceFlow in : reviewTask.getIncoming()) {
      if (in.getSource() instanceof BoundaryEvent timer && timer.getAttachedTo() != null) {
        var stage = timer.getAttachedTo();
        return StageModel.property(stage, StageModel.STAGE_CODE).map(String::strip)
            .map(code -> new StalledStage(stage.getId(), code,
                StageModel.property(stage, StageModel.DWELL_LIMIT).map(String::strip)));
      }
    }
    return Optional.empty();
  }
}
