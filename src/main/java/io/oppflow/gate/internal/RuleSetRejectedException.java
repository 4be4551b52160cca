package io.oppflow.gate.internal;

import io.oppflow.shared.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An uploaded rule set was refused; the active rule set keeps serving. 422, each problem naming its file
 * (and line, case, rule or construct) in {@code errors}.
 */
public class RuleSetRejectedException extends ProblemException {

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
    super(HttpStatus.UNPROCESSABLE_ENTITY, "Rule set refused", why);
    this.problems = List.copyOf(problems);
    getBody().setProperty("errors", this.problems.stream().map(RuleSetRejectedException::error).toList());
  }

  public List<Problem> problems() {
    return problems;
  }

  private static Map<String, Object> error(Problem p) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("file", p.file());
    if (p.line() != null) {
      error.put("line", p.line());
    }
    if (p.testCase() != null) {
      error.put("case", p.testCase());
    }
    if (p.rule() != null) {
      error.put("rule", p.rule());
    }
    if (p.construct() != null) {
      error.put("construct", p.construct());
    }
    error.put("message", p.message());
    return error;
  }
}
