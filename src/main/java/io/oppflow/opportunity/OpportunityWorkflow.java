package io.oppflow.opportunity;

/** The port to the process engine that runs one stage process per opportunity. */
public interface OpportunityWorkflow {

  /** Whether a process with this key is deployed. */
  boolean hasProcess(String processKey);

  /** Whether the latest deployed process with this key is a stage process (has stages), so it may carry opportunities. */
  boolean isStageProcess(String processKey);

  /**
   * The process a new opportunity runs in: {@code requested} if a process with that key is deployed (whether
   * it has stages is the caller's to check), else, when none is requested, the only deployed stage process
   * (see docs/api.md "Stage processes").
   *
   * @param requested the key the opener named, or null
   * @throws io.oppflow.shared.InvalidRequestException naming {@code process} with the keys to choose from, if
   *     the requested key is not deployed, or none is requested and several stage processes (or none) are
   */
  String processFor(String requested);

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
