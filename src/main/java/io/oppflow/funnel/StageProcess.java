package io.oppflow.funnel;

import io.oppflow.shared.Message;
import java.util.List;

/**
 * A deployed stage process (the latest version of its key) and its stages in stage order.
 *
 * @param name the BPMN process name "中文 / English", split
 */
public record StageProcess(String key, Message name, int version, List<StageDefinition> stages) {

  public StageProcess {
    stages = List.copyOf(stages);
  }
}
