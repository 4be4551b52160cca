package io.oppflow.gate;

import java.util.List;

/** An uploaded rule set was refused; the active rule set keeps serving. Each problem names its file. */
public class RuleSetRejectedException extends RuntimeException {

  /**
   * What is wrong: a file and line for compiler errors, a file and case for failed self-tests, a file, rule
   * and construct for what the allowlist refuses.
   */
  public record Problem(String file, Integer line, String testCase, String message, String rule, String construct) {

    public Problem(String file, Integer line, String testCase, String message) {
      this(file, line, testCase, message, null, null);
    }

    @Override
    public String toString() {
      return (file == null || file.isEmpty() ? "" : file) + (rule == null ? "" : " › " + rule)
          + (testCase == null ? "" : " › " + testCase) + (line == null || line <= 0 ? "" : " (line " + line + ")")
          + (construct == null ? "" : " [" + construct + "]") + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  public RuleSetRejectedException(String why, List<Problem> problems) {
    super(why);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
