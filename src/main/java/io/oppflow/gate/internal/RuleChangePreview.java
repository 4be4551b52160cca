package io.oppflow.gate.internal;

import io.oppflow.shared.Message;
import java.time.Instant;
import java.util.List;

/**
 * What a candidate rule set would have decided on the gate records of a window, against what was decided: the
 * answer of {@code POST /api/rules/preview}. A verdict is compared as passed or failed; an OVERRIDDEN record
 * counts as the failed evaluation it overrode.
 *
 * @param limit the most records replayed, newest first; {@code truncated} when the window held more
 * @param notice why not every record of the window was replayed, or null when all were
 * @param selfTests the candidate's self-test cases, which all passed (a failing one refuses the candidate)
 */
public record RuleChangePreview(
    String candidateVersion,
    String activeVersion,
    Instant from,
    Instant to,
    long recordsInWindow,
    int limit,
    boolean truncated,
    Message notice,
    Counts total,
    List<StageCounts> stages,
    List<CriterionCounts> criteria,
    Examples examples,
    List<NotReplayed> notReplayed,
    SelfTests selfTests) {

  /** The same preview with the self-tests the candidate passed. */
  RuleChangePreview withSelfTests(SelfTests passed) {
    return new RuleChangePreview(candidateVersion, activeVersion, from, to, recordsInWindow, limit, truncated, notice,
        total, stages, criteria, examples, notReplayed, passed);
  }

  /** The self-test cases run before the replay: {@code cases} in all, by file in the files' order. */
  public record SelfTests(int cases, List<SelfTestFile> files) {}

  /** The names of one cases file's cases, in its order. */
  public record SelfTestFile(String file, List<String> cases) {}

  /** Replayed records and how their verdicts would change; {@code unchanged} may still differ in criteria. */
  public record Counts(int replayed, int unchanged, int passedToFailed, int failedToPassed, int notReplayed) {}

  /** The counts of one gate (the way out of {@code stage} of {@code process}). */
  public record StageCounts(String process, String stage, int replayed, int unchanged, int passedToFailed,
      int failedToPassed, int notReplayed) {}

  /** How many replayed records a blocking criterion would newly fail, and how many it would no longer fail. */
  public record CriterionCounts(String code, Message message, int newlyFailing, int noLongerFailing) {}

  /** Up to the asked number of changed records of each kind, newest first. */
  public record Examples(List<Example> passedToFailed, List<Example> failedToPassed) {}

  /**
   * A record whose verdict would change. {@code recordedVerdict} is what the record says (OVERRIDDEN included),
   * {@code oldVerdict} what it is compared as, {@code newVerdict} what the candidate decides.
   */
  public record Example(long recordId, String opportunityCode, String process, String stage, Instant evaluatedAt,
      String rulesVersion, String recordedVerdict, String oldVerdict, String newVerdict, List<String> newlyFailing,
      List<String> noLongerFailing) {}

  /** A record of the window that could not be replayed, and why. */
  public record NotReplayed(long recordId, String opportunityCode, String stage, Message reason) {}
}
