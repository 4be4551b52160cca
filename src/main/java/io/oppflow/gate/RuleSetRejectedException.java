package io.oppflow.gate;

import java.util.List;

/** An uploaded rule set was refused; the active rule set keeps serving. Each problem names its file. */
public class RuleSetRejectedException extends RuntimeException {

  /** What is wrong: a file and line for compiler errors, a file and case for failed self-tests. */
  public record Problem(String file, Integer line, String testCase, String message) {}

  private final transient List<Problem> problems;

  public RuleSetRejectedException(String why, List<Problem> problems) {
    super(why);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
