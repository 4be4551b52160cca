package io.oppflow.gate;

import java.util.List;

/** What a gate decided, why, and by which version of the rules. */
public record GateVerdict(
    String process,
    String stage,
    Verdict verdict,
    List<Criterion> failures,
    List<Criterion> warnings,
    String rulesVersion) {

  public GateVerdict {
    failures = List.copyOf(failures);
    warnings = List.copyOf(warnings);
  }

  public boolean passed() {
    return verdict == Verdict.PASSED;
  }

  /** The failed criteria as one bilingual text, as a rep sees it on the stage task. */
  public String feedback() {
    StringBuilder text = new StringBuilder();
    for (Criterion c : failures) {
      text.append("✗ ").append(c.code()).append(": ").append(c.message().zh()).append(" / ").append(c.message().en()).append('\n');
    }
    for (Criterion c : warnings) {
      text.append("⚠ ").append(c.code()).append(": ").append(c.message().zh()).append(" / ").append(c.message().en()).append('\n');
    }
    return text.toString().strip();
  }
}
