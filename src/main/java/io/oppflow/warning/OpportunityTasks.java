package io.oppflow.warning;

import java.util.Collection;
import java.util.List;

/** The open stage tasks of opportunities, so a warning can lead to one: a port the process engine adapter implements. */
public interface OpportunityTasks {

  /** A rep's open task of a stage ({@code Task_<STAGE>} in the BPMN) of an opportunity's process. */
  record StageTask(String opportunityCode, String stage, String taskId) {}

  /** The open stage tasks of the opportunities, oldest first. */
  List<StageTask> openStageTasks(Collection<String> opportunityCodes);
}
