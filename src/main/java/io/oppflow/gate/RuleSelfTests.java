package io.oppflow.gate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rule self-tests (规则自测): tables of cases kept beside the rules as {@code <gate>.cases.yaml}, each case an
 * opportunity's facts and activities and the findings its gate must give. They let sales-ops prove a rule
 * change without writing Java; they run when rules are uploaded and in the build. The format is described
 * in {@code docs/stage-gates.md} and at the top of every shipped cases file.
 */
public final class RuleSelfTests {

  public static final String SUFFIX = ".cases.yaml";

  /** A case that did not hold, or a file that could not be read (then {@code caseName} is empty). */
  public record CaseFailure(String file, String caseName, String problem) {

    @Override
    public String toString() {
      return file + (caseName.isEmpty() ? "" : " › " + caseName) + ": " + problem;
    }
  }

  private RuleSelfTests() {}

  /**
   * Runs every case of {@code caseFiles} (relative path → YAML text) against {@code rules}. Never throws:
   * every problem, including a rule that fails while evaluating, is a {@link CaseFailure}.
   *
   * @return the cases that did not hold; empty when all held
   */
  public static List<CaseFailure> run(RuleSet rules, Map<String, String> caseFiles) {
    List<CaseFailure> failures = new ArrayList<>();
    new TreeMap<>(caseFiles).forEach((file, yaml) -> failures.addAll(runFile(rules, file, yaml)));
    return failures;
  }

  /** The number of cases in {@code caseFiles}, for reporting; a file that cannot be read counts none. */
  public static int countCases(Map<String, String> caseFiles) {
    return caseFiles.values().stream().mapToInt(CaseTable::countCases).sum();
  }

  private static List<CaseFailure> runFile(RuleSet rules, String file, String yaml) {
    CaseTable table;
    try {
      table = CaseTable.read(yaml);
    } catch (RuntimeException e) {
      return List.of(new CaseFailure(file, "", problemOf(e)));
    }
    List<CaseFailure> failures = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < table.caseCount(); i++) {
      String name = table.caseName(i);
      String problem = names.add(name) ? runCase(rules, table, i) : "another case has the same name";
      if (problem != null) {
        failures.add(new CaseFailure(file, name, problem));
      }
    }
    return failures;
  }

  /** What is wrong with the case at {@code index}, or null when it held. */
  private static String runCase(RuleSet rules, CaseTable table, int index) {
    try {
      CaseTable.Case selfTest = table.readCase(index);
      return mismatch(selfTest, rules.evaluate(table.request(), selfTest.facts()));
    } catch (RuntimeException e) {
      return problemOf(e);
    }
  }

  private static String mismatch(CaseTable.Case selfTest, GateVerdict verdict) {
    Set<String> failures = codes(verdict.failures());
    Set<String> warnings = codes(verdict.warnings());
    List<String> problems = new ArrayList<>();
    if (!failures.equals(selfTest.failures())) {
      problems.add("expected failures " + selfTest.failures() + " but got " + failures);
    }
    // Warnings are checked only when the case names them, so a new warning does not break every case.
    if (selfTest.warnings() != null && !warnings.equals(selfTest.warnings())) {
      problems.add("expected warnings " + selfTest.warnings() + " but got " + warnings);
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static Set<String> codes(List<Criterion> criteria) {
    Set<String> codes = new TreeSet<>();
    criteria.forEach(c -> codes.add(c.code()));
    return codes;
  }

  private static String problemOf(RuntimeException e) {
    if (e instanceof CaseTable.InvalidCaseException || e instanceof GateEvaluationException) {
      return e.getMessage();
    }
    return "unexpected error: " + e;
  }
}
