package io.oppflow.gate.internal;

import io.oppflow.gate.GateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.shared.Message;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One {@code <gate>.cases.yaml} file of {@link RuleSelfTests}: the gate it tests, the base facts and
 * activities, and its cases, each read only when it runs so that one bad case does not hide the others.
 */
public final class CaseTable {

  static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 27);

  private static final List<String> FILE_KEYS = List.of("process", "stage", "today", "base", "activities", "cases");
  private static final List<String> CASE_KEYS = List.of("name", "set", "activities", "expect");
  private static final List<String> EXPECT_KEYS = List.of("failures", "warnings");

  /** A case ready to run: the facts to insert next to the gate request and the codes it must give. */
  record Case(Object[] facts, Set<String> failures, Set<String> warnings) {}

  /**
   * Something in the file is wrong; the message says what and where, for sales-ops to fix it, in both languages
   * ("中文 / English", as every refusal of the API).
   */
  static final class InvalidCaseException extends RuntimeException {

    private final transient Message said;

    InvalidCaseException(String zh, String en) {
      this(new Message(zh, en));
    }

    InvalidCaseException(Message said) {
      super(said.both());
      this.said = said;
    }

    Message said() {
      return said;
    }
  }

  /** The parts of a file as a mistake names them (a name in Latin letters ends in a space in Chinese). */
  private static final Message FILE = new Message("文件", "the file");
  private static final Message A_CASE = new Message("用例", "a case");

  private final String process;
  private final String stage;
  private final LocalDate today;
  private final JsonNode base;
  private final Object baseActivities;
  private final List<?> cases;

  private CaseTable(Map<?, ?> file) {
    checkKeys(file, FILE_KEYS, FILE);
    process = text(file.get("process"), "process");
    stage = text(file.get("stage"), "stage");
    today = file.get("today") == null ? DEFAULT_TODAY : date(file.get("today"));
    base = CaseFacts.tree(file.get("base") == null ? Map.of() : map(file.get("base"), new Message("base ", "base")));
    baseActivities = file.get("activities") == null ? List.of() : file.get("activities");
    if (!(file.get("cases") instanceof List<?> list) || list.isEmpty()) {
      throw new InvalidCaseException("缺少 cases 或其为空：请列出用例，每个用例都有 name 和 expect",
          "cases is missing or empty: give a list of cases, each with a name and expect");
    }
    cases = list;
    // Checked once here, so that a mistake in what every case shares is reported once.
    prefixed("base: ", () -> CaseFacts.opportunity(base, process, stage, now()));
    CaseFacts.activities(CaseFacts.tree(baseActivities), "SELF-TEST", stage, today, now());
  }

  static CaseTable read(String yaml) {
    return new CaseTable(map(load(yaml), FILE));
  }

  static int countCases(String yaml) {
    try {
      return load(yaml) instanceof Map<?, ?> file && file.get("cases") instanceof List<?> list ? list.size() : 0;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  int caseCount() {
    return cases.size();
  }

  /** The name of the case at {@code index}, or its position when it has none. */
  String caseName(int index) {
    return cases.get(index) instanceof Map<?, ?> c && c.get("name") != null && !c.get("name").toString().isBlank()
        ? c.get("name").toString().strip()
        : "case #" + (index + 1);
  }

  GateRequest request() {
    return new GateRequest(process, stage, today);
  }

  Case readCase(int index) {
    Map<?, ?> c = map(cases.get(index), A_CASE);
    checkKeys(c, CASE_KEYS, A_CASE);
    if (c.get("name") == null) {
      throw new InvalidCaseException("缺少 name", "name is missing");
    }
    Message expectKey = new Message("expect ", "expect");
    Map<?, ?> expect = map(required(c, "expect", new Message("请写 expect: { failures: [...] }", "give expect: { failures: [...] }")),
        expectKey);
    checkKeys(expect, EXPECT_KEYS, expectKey);
    Set<String> failures = codes(required(expect, "failures",
        new Message("关卡应当通过时请写 failures: []", "give failures: [] when the gate must pass")), "failures");
    Set<String> warnings = expect.containsKey("warnings") ? codes(expect.get("warnings"), "warnings") : null;
    JsonNode patch = CaseFacts.tree(c.get("set") == null ? Map.of() : map(c.get("set"), new Message("set ", "set")));
    Object activities = c.containsKey("activities") ? c.get("activities") : baseActivities;
    return new Case(readFacts(CaseFacts.merge(base, patch), activities == null ? List.of() : activities), failures, warnings);
  }

  private Object[] readFacts(JsonNode facts, Object activities) {
    Opportunity opportunity = CaseFacts.opportunity(facts, process, stage, now());
    List<Activity> logged = CaseFacts.activities(CaseFacts.tree(activities), opportunity.getCode(), stage, today, now());
    List<Object> all = new ArrayList<>(List.of(opportunity));
    all.addAll(logged);
    return all.toArray();
  }

  private Instant now() {
    return today.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Object load(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    DumperOptions dumper = new DumperOptions();
    Yaml parser = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new DatesAsText());
    try {
      return parser.load(yaml == null ? "" : yaml);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      // SnakeYAML says what it found in English only; that part stays the same in both halves
      String whereZh = mark == null ? "" : "（第 " + (mark.getLine() + 1) + " 行第 " + (mark.getColumn() + 1) + " 列）";
      String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      throw new InvalidCaseException("YAML 语法错误" + whereZh + "：" + e.getProblem(),
          "YAML syntax error" + where + ": " + e.getProblem());
    } catch (YAMLException e) {
      throw new InvalidCaseException("YAML 错误：" + e.getMessage(), "YAML error: " + e.getMessage());
    }
  }

  private static void prefixed(String prefix, Runnable check) {
    try {
      check.run();
    } catch (InvalidCaseException e) {
      throw new InvalidCaseException(prefix + e.said().zh(), prefix + e.said().en());
    }
  }

  private static void checkKeys(Map<?, ?> map, List<String> allowed, Message where) {
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        throw new InvalidCaseException(where.zh() + "中有未知的键 '" + key + "'（应为 " + allowed + " 之一）",
            "unknown key '" + key + "' in " + where.en() + " (expected one of " + allowed + ")");
      }
    }
  }

  private static Object required(Map<?, ?> map, String key, Message hint) {
    if (!map.containsKey(key)) {
      throw new InvalidCaseException("缺少 " + key + "：" + hint.zh(), key + " is missing: " + hint.en());
    }
    return map.get(key);
  }

  private static Map<?, ?> map(Object value, Message what) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new InvalidCaseException(what.zh() + "须为“键: 值”的映射，而不是" + (value == null ? "空值" : " " + value),
        what.en() + " must be a map of key: value, not " + (value == null ? "empty" : value));
  }

  private static String text(Object value, String key) {
    if (value == null || value.toString().isBlank() || value instanceof Map || value instanceof List) {
      throw new InvalidCaseException("缺少 " + key + "：请写明此文件所测关卡的 " + key,
          key + " is missing: give the " + key + " of the gate this file tests");
    }
    return value.toString().strip();
  }

  private static LocalDate date(Object value) {
    try {
      return LocalDate.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      throw new InvalidCaseException("today: '" + value + "' 不是形如 2026-11-27 的日期",
          "today: '" + value + "' is not a date like 2026-11-27");
    }
  }

  /** A list of criterion codes; a single code and an empty value are accepted as what they obviously mean. */
  private static Set<String> codes(Object value, String key) {
    if (value == null) {
      return Set.of();
    }
    if (value instanceof Map) {
      throw new InvalidCaseException("expect." + key + " 须为标准代码的列表，如 [DISCOVER-02]",
          "expect." + key + " must be a list of criterion codes, e.g. [DISCOVER-02]");
    }
    Set<String> codes = new TreeSet<>();
    for (Object code : value instanceof List<?> list ? list : List.of(value)) {
      codes.add(String.valueOf(code).strip());
    }
    return codes;
  }

  /** Keeps dates as text for Jackson to read as {@code LocalDate}; SnakeYAML would make them {@code java.util.Date}. */
  private static final class DatesAsText extends Resolver {
    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
      if (!Tag.TIMESTAMP.equals(tag)) {
        super.addImplicitResolver(tag, regexp, first, limit);
      }
    }
  }
}
