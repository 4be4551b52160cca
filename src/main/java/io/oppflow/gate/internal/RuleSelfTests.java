package io.oppflow.gate.internal;

import io.oppflow.gate.Criterion;
import io.oppflow.gate.GateRequest;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.RuleSet;
import io.oppflow.shared.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Rule self-tests (规则自测): tables of cases kept beside the rules as {@code <gate>.cases.yaml}, each case an
 * opportunity's facts and activities and the findings its gate must give. They let sales-ops prove a rule
 * change without writing Java; they run when rules are uploaded and in the build. The format is described
 * in {@code docs/stage-gates.md} and at the top of every shipped cases file.
 */
public final class RuleSelfTests {

  public static final String SUFFIX = ".cases.yaml";

  /**
   * A case that did not hold, or a file that could not be read (then {@code caseName} is empty); the problem in both
   * languages, "中文 / English" as every refusal of the API.
   */
  public record CaseFailure(String file, String caseName, String problem) {

    @Override
    public String toString() {
      return file + (caseName.isEmpty() ? "" : " › " + caseName) + ": " + problem;
    }
  }

  /**
   * One case of a cases file, read only when it runs so that one bad case does not hide the others. It is what
   * the upload check runs and what the build runs as one named test.
   */
  public static final class SelfTestCase {

    private final String file;
    private final String name;
    private final CaseTable table;
    private final int index;
    private final String unreadable;

    private SelfTestCase(String file, String name, CaseTable table, int index, String unreadable) {
      this.file = file;
      this.name = name;
      this.table = table;
      this.index = index;
      this.unreadable = unreadable;
    }

    public String file() {
      return file;
    }

    /** The case's name; empty when the whole file cannot be read. */
    public String name() {
      return name;
    }

    /** What is wrong with this case when {@code rules} judge it, or null when it holds. */
    public String problemWith(RuleSet rules) {
      return problemWith(rules::evaluate);
    }

    /**
     * What is wrong with this case when {@code gate} judges it (the request and the facts of the case: the
     * opportunity first, then its activities), or null when it holds. Never throws.
     */
    public String problemWith(BiFunction<GateRequest, Object[], GateVerdict> gate) {
      if (unreadable != null) {
        return unreadable;
      }
      try {
        CaseTable.Case selfTest = table.readCase(index);
        return mismatch(selfTest, gate.apply(table.request(), selfTest.facts()));
      } catch (RuntimeException e) {
        return problemOf(e);
      }
    }

    /** The process of the gate this case's file tests, or null when the file cannot be read. */
    public String process() {
      return table == null ? null : table.request().getProcess();
    }

    @Override
    public String toString() {
      return file + (name.isEmpty() ? "" : " › " + name);
    }
  }

  private static final Message SAME_NAME = new Message("已有同名的用例", "another case has the same name");

  private RuleSelfTests() {}

  /**
   * Runs every case of {@code caseFiles} (relative path → YAML text) against {@code rules}. Never throws:
   * every problem, including a rule that fails while evaluating, is a {@link CaseFailure}.
   *
   * @return the cases that did not hold; empty when all held
   */
  public static List<CaseFailure> run(RuleSet rules, Map<String, String> caseFiles) {
    List<CaseFailure> failures = new ArrayList<>();
    new TreeMap<>(caseFiles).forEach((file, yaml) -> {
      for (SelfTestCase c : cases(file, yaml)) {
        String problem = c.problemWith(rules);
        if (problem != null) {
          failures.add(new CaseFailure(file, c.name(), problem));
        }
      }
    });
    return failures;
  }

  /**
   * What failed, for the audit trail: the count, then each case and its problem, the whole in both languages (one
   * "中文 / English", not one per case, so that the history shows one language).
   */
  public static Message summary(List<CaseFailure> failures) {
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (CaseFailure f : failures) {
      Message problem = Message.parse(f.problem());
      String where = f.file() + (f.caseName().isEmpty() ? "" : " › " + f.caseName());
      zh.add(where + "：" + problem.zh());
      en.add(where + ": " + problem.en());
    }
    return new Message(failures.size() + " 个自测用例未通过：" + String.join("；", zh),
        failures.size() + " self-test cases fail: " + String.join("; ", en));
  }

  /** The number of cases in {@code caseFiles}, for reporting; a file that cannot be read counts none. */
  public static int countCases(Map<String, String> caseFiles) {
    return caseFiles.values().stream().mapToInt(CaseTable::countCases).sum();
  }

  /**
   * The cases of one file, in its order; a file that cannot be read is one case without a name that reports
   * why, and a second case of the same name reports that.
   */
  public static List<SelfTestCase> cases(String file, String yaml) {
    CaseTable table;
    try {
      table = CaseTable.read(yaml);
    } catch (RuntimeException e) {
      return List.of(new SelfTestCase(file, "", null, -1, problemOf(e)));
    }
    List<SelfTestCase> cases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < table.caseCount(); i++) {
      String name = table.caseName(i);
      cases.add(new SelfTestCase(file, name, table, i, names.add(name) ? null : SAME_NAME.both()));
    }
    return cases;
  }

  /** Names the criterion codes that differ, so a failing case says which criterion to look at. */
  private static String mismatch(CaseTable.Case selfTest, GateVerdict verdict) {
    Set<String> failures = codes(verdict.failures());
    Set<String> warnings = codes(verdict.warnings());
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    if (!failures.equals(selfTest.failures())) {
      zh.add("预期阻断项 " + selfTest.failures() + "，实际为 " + failures + differenceZh(selfTest.failures(), failures));
      en.add("expected failures " + selfTest.failures() + " but got " + failures + difference(selfTest.failures(), failures));
    }
    // Warnings are checked only when the case names them, so a new warning does not break every case.
    if (selfTest.warnings() != null && !warnings.equals(selfTest.warnings())) {
      zh.add("预期提醒项 " + selfTest.warnings() + "，实际为 " + warnings + differenceZh(selfTest.warnings(), warnings));
      en.add("expected warnings " + selfTest.warnings() + " but got " + warnings + difference(selfTest.warnings(), warnings));
    }
    return en.isEmpty() ? null : new Message(String.join("；", zh), String.join("; ", en)).both();
  }

  private static String difference(Set<String> expected, Set<String> actual) {
    return " (" + String.join("; ", differences(expected, actual, "missing ", "unexpected ", ", ")) + ")";
  }

  private static String differenceZh(Set<String> expected, Set<String> actual) {
    return "（" + String.join("；", differences(expected, actual, "缺少 ", "多出 ", "、")) + "）";
  }

  /** The codes expected but not given, then those given but not expected, each list after its lead. */
  private static List<String> differences(Set<String> expected, Set<String> actual, String missingLead, String unexpectedLead,
      String comma) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add(missingLead + String.join(comma, missing));
    }
    if (!unexpected.isEmpty()) {
      parts.add(unexpectedLead + String.join(comma, unexpected));
    }
    return parts;
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
    return new Message("意外错误：" + e, "unexpected error: " + e).both();
  }
}
