package io.oppflow.opportunity;

import java.time.Instant;
import java.util.function.Supplier;

/** The port to the process engine that runs one stage process per opportunity. */
public interface OpportunityWorkflow {

  /**
   * The latest deployed version of the process a new opportunity runs in: {@code requested} if a process with that
   * key is deployed (whether it has stages is the caller's to check, {@link StageProcessVersion#hasStages}), else, when
   * none is requested, the only deployed stage process (see docs/api.md "Stage processes").
   *
   * @param requested the key the opener named, or null
   * @throws io.oppflow.shared.InvalidRequestException naming {@code process} with the keys to choose from, if
   *     the requested key is not deployed, or none is requested and several stage processes (or none) are
   */
  StageProcessVersion latestFor(String requested);

  /**
   * Starts that version of the stage process for a newly opened opportunity (no second look-up of the latest).
   *
   * @return the process instance id
   */
  String start(Opportunity opportunity, StageProcessVersion version);

  /**
   * Starts the stage process of an imported open opportunity directly in the stage it has reached. The
   * stage's timers run as if it had been entered at {@code stageEnteredAt}: a dwell limit passed already is
   * due at once, or, with {@code dueReviewsHeldUntil}, held until then or until {@link #releaseHeldReviews}.
   *
   * @param dueReviewsHeldUntil null, or when the timers already due run at the latest (an import holds them so
   *     that its stall reviews come after its rows, not between them)
   * @return the process instance id
   */
  String startAt(Opportunity opportunity, String stageCode, Instant stageEnteredAt, Instant dueReviewsHeldUntil);

  /**
   * Runs {@code starts} (calls of {@link #startAt}) as one engine command: the processes they start are written
   * to the engine's tables together at its end, in one flush, rather than in one flush each.
   */
  <T> T together(Supplier<T> starts);

  /**
   * Makes the timers held until {@code heldUntil} (see {@link #startAt}) due now and tells the job executor.
   *
   * @return how many were held
   */
  int releaseHeldReviews(Instant heldUntil);
}
