package io.oppflow.opportunity;

/** The port to the process engine that runs one stage process per opportunity. */
public interface OpportunityWorkflow {

  /** Whether a process with this key is deployed. */
  boolean hasProcess(String processKey);

  /** Whether the latest deployed process with this key is a stage process (has stages), so it may carry opportunities. */
  boolean isStageProcess(String processKey);

  /**
   * The stage process a new opportunity of {@code owner} runs in when its opener names none: the process
   * most of the owner's opportunities run in, else the configured default (see docs/api.md "Stage processes").
   */
  String defaultProcess(String owner);

  /**
   * Starts the stage process for a newly opened opportunity.
   *
   * @return the process instance id
   */
  String start(Opportunity opportunity);

  /**
   * Starts the stage process of an imported open opportunity directly in the stage it has reached. The
   * stage's timers run as if it had been entered at {@code stageEnteredAt}: a dwell limit passed already is
   * due at once.
   *
   * @return the process instance id
   */
  String startAt(Opportunity opportunity, String stageCode, java.time.Instant stageEnteredAt);
}
