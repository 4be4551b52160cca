package io.oppflow.funnel;

import java.util.List;

/** The stages of the deployed stage processes, read from their BPMN (the stage model is data). */
public interface StageCatalog {

  /** The stages of the latest version of the process, in stage order; empty if no such process. */
  List<StageDefinition> stagesOf(String processKey);

  /** The latest version of every deployed stage process (a process with stages), ordered by key. */
  List<StageProcess> processes();
}
