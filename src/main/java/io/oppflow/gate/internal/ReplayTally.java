package io.oppflow.gate.internal;

import io.oppflow.gate.Criterion;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.RuleSet;
import io.oppflow.gate.Verdict;
import io.oppflow.gate.internal.RuleChangePreview.CriterionCounts;
import io.oppflow.gate.internal.RuleChangePreview.Example;
import io.oppflow.gate.internal.RuleChangePreview.NotReplayed;
import io.oppflow.gate.internal.RuleChangePreview.StageCounts;
import io.oppflow.shared.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Adds up, record by record, how a candidate's verdicts differ from the recorded ones. */
final class ReplayTally {

  /** A stored gate decision as the replay compares it: its blocking criteria by code. */
  record Recorded(long id, String opportunityCode, String process, String stage, Verdict verdict,
      Map<String, Message> failures, String rulesVersion, Instant evaluatedAt) {

    /** An OVERRIDDEN record compares as the failed evaluation it overrode. */
    boolean passed() {
      return verdict == Verdict.PASSED;
    }
  }

  private static final class Counter {
    int replayed;
    int unchanged;
    int passedToFailed;
    int failedToPassed;
    int notReplayed;
  }

  private static final class CriterionCounter {
    Message message;
    int newlyFailing;
    int noLongerFailing;
  }

  private final int maxExamples;
  private final Counter total = new Counter();
  private final Map<RuleSet.Gate, Counter> stages = new TreeMap<>();
  private final Map<String, CriterionCounter> criteria = new TreeMap<>();
  private final List<Example> passedToFailed = new ArrayList<>();
  private final List<Example> failedToPassed = new ArrayList<>();
  private final List<NotReplayed> notReplayed = new ArrayList<>();

  ReplayTally(int maxExamples) {
    this.maxExamples = maxExamples;
  }

  void add(Recorded old, GateVerdict now) {
    Set<String> newCodes = new TreeSet<>();
    for (Criterion c : now.failures()) {
      newCodes.add(c.code());
    }
    List<String> newly = newCodes.stream().filter(c -> !old.failures().containsKey(c)).toList();
    List<String> gone = old.failures().keySet().stream().filter(c -> !newCodes.contains(c)).sorted().toList();
    now.failures().stream().filter(c -> newly.contains(c.code()))
        .forEach(c -> criterion(c.code(), c.message()).newlyFailing++);
    gone.forEach(code -> criterion(code, old.failures().get(code)).noLongerFailing++);
    Counter stage = stage(old.process(), old.stage());
    total.replayed++;
    stage.replayed++;
    if (old.passed() == now.passed()) {
      total.unchanged++;
      stage.unchanged++;
    } else if (old.passed()) {
      total.passedToFailed++;
      stage.passedToFailed++;
      example(passedToFailed, old, now, newly, gone);
    } else {
      total.failedToPassed++;
      stage.failedToPassed++;
      example(failedToPassed, old, now, newly, gone);
    }
  }

  void notReplayed(Recorded old, Message reason) {
    total.notReplayed++;
    stage(old.process(), old.stage()).notReplayed++;
    if (notReplayed.size() < maxExamples) {
      notReplayed.add(new NotReplayed(old.id(), old.opportunityCode(), old.stage(), reason));
    }
  }

  RuleChangePreview.Counts total() {
    return new RuleChangePreview.Counts(total.replayed, total.unchanged, total.passedToFailed, total.failedToPassed,
        total.notReplayed);
  }

  List<StageCounts> stages() {
    return stages.entrySet().stream().map(e -> {
      Counter c = e.getValue();
      return new StageCounts(e.getKey().process(), e.getKey().stage(), c.replayed, c.unchanged, c.passedToFailed,
          c.failedToPassed, c.notReplayed);
    }).toList();
  }

  List<CriterionCounts> criteria() {
    return criteria.entrySet().stream()
        .map(e -> new CriterionCounts(e.getKey(), e.getValue().message, e.getValue().newlyFailing, e.getValue().noLongerFailing))
        .toList();
  }

  RuleChangePreview.Examples examples() {
    return new RuleChangePreview.Examples(List.copyOf(passedToFailed), List.copyOf(failedToPassed));
  }

  List<NotReplayed> notReplayedExamples() {
    return List.copyOf(notReplayed);
  }

  private void example(List<Example> examples, Recorded old, GateVerdict now, List<String> newly, List<String> gone) {
    if (examples.size() < maxExamples) {
      examples.add(new Example(old.id(), old.opportunityCode(), old.process(), old.stage(), old.evaluatedAt(),
          old.rulesVersion(), old.verdict().name(), old.passed() ? "PASSED" : "FAILED", now.verdict().name(), newly, gone));
    }
  }

  private Counter stage(String process, String stage) {
    return stages.computeIfAbsent(new RuleSet.Gate(process, stage), k -> new Counter());
  }

  private CriterionCounter criterion(String code, Message message) {
    CriterionCounter c = criteria.computeIfAbsent(code, k -> new CriterionCounter());
    if (c.message == null) {
      c.message = message;
    }
    return c;
  }
}
