package io.oppflow.gate;

import java.time.Instant;

/**
 * What recomputing the gate log's hash chain found.
 *
 * @param valid whether every sealed record matches its hash and follows the one before it, and the head matches
 *     the end
 * @param checked how many sealed records were recomputed
 * @param firstBroken the first record that does not hold, or null if valid
 * @param lastHash the hash at the end of the chain as checked; note it down to detect later removals from the end
 * @param millis how long the check took
 * @param pending the records stored but not sealed yet, which the chain does not cover
 */
public record ChainVerification(boolean valid, long checked, Broken firstBroken, String lastHash, long millis,
    Pending pending) {

  /**
   * The first place where the chain does not hold.
   *
   * @param id the gate record's id (null when the log's end does not match its head)
   * @param seq the record's place in the chain
   * @param reason what is wrong, in English (for auditors; not translated, like a log line)
   */
  public record Broken(Long id, Long seq, String reason) {}

  /**
   * Gate records committed but not yet chained by the sealer (verify seals first, so normally none or those
   * committed a moment ago). Until sealed, a record is protected by the database's triggers only.
   *
   * @param count how many
   * @param oldestId the oldest one's id, or null if none
   * @param oldestEvaluatedAt when its gate was evaluated
   * @param oldestSeconds how long ago that was
   * @param overdue whether it is older than {@code oppflow.gate-log.overdue-after}: the sealer is not sealing, a
   *     finding to look into (the server log names why)
   */
  public record Pending(long count, Long oldestId, Instant oldestEvaluatedAt, Long oldestSeconds, boolean overdue) {

    public static final Pending NONE = new Pending(0, null, null, null, false);
  }
}
