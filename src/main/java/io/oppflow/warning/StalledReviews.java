package io.oppflow.warning;

import java.time.Instant;
import java.util.List;

/** The open "review stalled opportunity" tasks: a port the process engine adapter implements. */
public interface StalledReviews {

  /**
   * A stage's dwell-limit timer fired for the opportunity at {@code since}; the review is still open.
   *
   * @param taskId the open review task
   */
  record OpenReview(String opportunityCode, String stage, Instant since, String taskId) {}

  List<OpenReview> open();
}
