package io.oppflow.gate;

/**
 * What recomputing the gate log's hash chain found.
 *
 * @param valid whether every record matches its hash and follows the one before it, and the head matches the end
 * @param checked how many records were recomputed
 * @param firstBroken the first record that does not hold, or null if valid
 * @param lastHash the hash at the end of the chain as checked; note it down to detect later removals from the end
 * @param millis how long the check took
 */
public record ChainVerification(boolean valid, long checked, Broken firstBroken, String lastHash, long millis) {

  /**
   * The first place where the chain does not hold.
   *
   * @param id the gate record's id (null when the log's end does not match its head)
   * @param seq the record's place in the chain
   * @param reason what is wrong, in English (for auditors; not translated, like a log line)
   */
  public record Broken(Long id, Long seq, String reason) {}
}
