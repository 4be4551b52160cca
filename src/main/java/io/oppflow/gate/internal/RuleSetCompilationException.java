package io.oppflow.gate.internal;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files do not compile; nothing of them is used. */
public class RuleSetCompilationException extends RuntimeException {

  private final transient List<RuleProblem> problems;

  public RuleSetCompilationException(List<RuleProblem> problems) {
    super("Rule set does not compile: " + problems.stream()
        .map(p -> p.file() + ":" + p.line() + " " + p.message())
        .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> problems() {
    return problems;
  }
}
