package io.oppflow.gate.internal;

import io.oppflow.gate.Criterion;
import io.oppflow.shared.Message;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Holds a rule set against the allowlist before anything of it is compiled or run. Every rule file (a
 * decision table through the DRL Drools generates from it) is parsed with Drools' own {@link DrlParser}
 * into descriptors, and each descriptor is checked: package-level constructs ({@link #checkPackage}),
 * rule attributes, conditions ({@link RuleConditions}) and consequences ({@link RuleConsequences}). The DRL
 * that was checked is what {@link RuleSet} compiles, so what runs is exactly what was read.
 */
public final class RuleSetChecker {

  /** A construct outside the allowlist: where it is and what it is. */
  record Violation(String file, String rule, int line, String construct, Message message) {

    @Override
    public String toString() {
      return file + (rule == null ? "" : " › " + rule) + (line > 0 ? " (line " + line + ")" : "") + ": " + construct
          + " — " + message.en();
    }
  }

  /**
   * A rule set read and checked: the DRL of each rule file, where each decision table's generated lines came
   * from, what could not be read, what is refused.
   */
  public record Result(SortedMap<String, String> drl, Map<String, DecisionTableCells> tables, List<RuleProblem> unreadable,
      List<Violation> violations, SortedMap<String, Criterion> criteria) {

    public boolean readable() {
      return unreadable.isEmpty();
    }

    public boolean safe() {
      return violations.isEmpty();
    }
  }

  private static final Set<String> FLAG_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus", "enabled");
  private static final Set<String> NAME_ATTRIBUTES = Set.of("agenda-group", "activation-group", "ruleflow-group",
      "date-effective", "date-expires");

  private RuleSetChecker() {}

  public static Result check(RuleSetFiles files) {
    SortedMap<String, String> drl = new TreeMap<>();
    Map<String, DecisionTableCells> tables = new TreeMap<>();
    List<RuleProblem> unreadable = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    SortedMap<String, Criterion> criteria = new TreeMap<>();
    files.ruleFiles().forEach((path, bytes) -> {
      String text;
      String csv = null;
      try {
        csv = path.endsWith(".csv") ? DecisionTableCells.csvText(bytes) : null;
      } catch (IllegalArgumentException e) {
        unreadable.add(new RuleProblem(path, 0, "决策表不是 UTF-8 编码：请另存为“CSV UTF-8” / the decision table is not "
            + "UTF-8 text: save it as \"CSV UTF-8\" (docs/stage-gates.md)"));
        return;
      }
      try {
        text = drlOf(path, csv == null ? bytes : csv.getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        unreadable.add(new RuleProblem(path, 0, "这不是可读取的决策表 / not a readable decision table: an .xlsx "
            + "file must be an Excel workbook and a .csv file needs a RuleTable (docs/stage-gates.md)"));
        return;
      }
      drl.put(path, text);
      DecisionTableCells cells = path.endsWith(".drl") ? null : new DecisionTableCells(text, csv);
      if (cells != null) {
        tables.put(path, cells);
      }
      if (text.contains("\\u")) {
        // javac decodes Unicode escapes before it reads strings or comments: none anywhere in a rule file
        violations.add(new Violation(path, null, 0, "unicode-escape", new Message("规则中不允许使用 Unicode 转义（\\u）",
            "Unicode escapes (\\u) are not allowed in a rule")));
      }
      PackageDescr pkg = parse(path, text, unreadable, cells);
      if (pkg != null) {
        try {
          new FileCheck(path, violations, cells, criteria).checkPackage(pkg);
        } catch (RuntimeException | StackOverflowError e) {
          // Whatever the check cannot read is refused: it fails closed, never open.
          violations.add(new Violation(path, null, 0, "unreadable-construct", new Message(
              "规则文件中有无法检查的写法", "the rule file contains something the check cannot read")));
        }
      }
    });
    return new Result(drl, tables, unreadable, violations, criteria);
  }

  /** The DRL of a rule file; a decision table is read through the DRL Drools compiles it to. */
  static String drlOf(String path, byte[] bytes) {
    if (path.endsWith(".drl")) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    InputType type = path.endsWith(".csv") ? InputType.CSV : InputType.XLS;
    String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), type);
    if (drl == null || drl.isBlank()) {
      throw new IllegalArgumentException("no rules in " + path);
    }
    return drl;
  }

  private static PackageDescr parse(String path, String text, List<RuleProblem> unreadable, DecisionTableCells cells) {
    DrlParser parser = new DrlParser();
    try {
      PackageDescr pkg = parser.parse(false, text);
      if (!parser.hasErrors() && pkg != null) {
        return pkg;
      }
    } catch (DroolsParserException | RuntimeException | StackOverflowError e) {
      unreadable.add(new RuleProblem(path, 0, "规则无法解析 / the rule file cannot be parsed"));
      return null;
    }
    for (KnowledgeBuilderError error : parser.getErrors()) {
      int[] lines = error.getLines();
      unreadable.add(problem(path, lines == null || lines.length == 0 ? 0 : lines[0], error.getMessage(), cells));
    }
    if (unreadable.isEmpty()) {
      unreadable.add(new RuleProblem(path, 0, "规则无法解析 / the rule file cannot be parsed"));
    }
    return null;
  }

  /**
   * A problem at {@code line} of a rule file; for a decision table ({@code cells} not null) the line is the
   * table row and the message starts with the row and cell.
   */
  public static RuleProblem problem(String path, int line, String message, DecisionTableCells cells) {
    DecisionTableCells.Place place = cells == null ? null : cells.at(line);
    if (cells == null) {
      return new RuleProblem(path, line, message);
    }
    return place == null ? new RuleProblem(path, 0, message) : new RuleProblem(path, place.row(), place.describe() + ": " + message);
  }

  /** The check of one file; collects every violation rather than stopping at the first. */
  private record FileCheck(String file, List<Violation> violations, DecisionTableCells cells,
      SortedMap<String, Criterion> criteria) implements Reporter {

    void checkPackage(PackageDescr pkg) {
      packageName(pkg);
      pkg.getImports().forEach(i -> {
        if (!RuleAllowlist.IMPORTS.contains(i.getTarget())) {
          refuse(null, i, "import", "不允许导入 " + i.getTarget() + "：只能导入关卡模型的类型",
              "importing " + i.getTarget() + " is not allowed: only the gate model's types may be imported");
        }
      });
      declared(pkg.getFunctionImports(), "function", "函数导入", "an imported function");
      declared(pkg.getAccumulateImports(), "accumulate", "自定义累计函数", "a custom accumulate function");
      declared(pkg.getGlobals(), "global", "全局变量（global）", "a global");
      declared(pkg.getFunctions(), "function", "函数（function）", "a function");
      declared(pkg.getTypeDeclarations(), "declare", "类型声明（declare）", "a type declaration (declare)");
      declared(pkg.getEnumDeclarations(), "declare", "枚举声明（declare enum）", "an enum declaration");
      declared(pkg.getEntryPointDeclarations(), "entry-point", "入口点声明", "an entry-point declaration");
      declared(pkg.getWindowDeclarations(), "window", "窗口声明", "a window declaration");
      if (pkg.getUnit() != null) {
        refuse(null, pkg.getUnit(), "unit", "不允许使用规则单元（unit）", "rule units are not allowed");
      }
      pkg.getAttributes().forEach(a -> attribute(null, a));
      for (RuleDescr rule : pkg.getRules()) {
        if (rule.isQuery()) {
          refuse(rule.getName(), rule, "query", "不允许定义查询（query）", "a query is not allowed in a gate rule set");
        } else {
          checkRule(rule);
        }
      }
    }

    private void packageName(PackageDescr pkg) {
      String name = pkg.getName() == null ? "" : pkg.getName();
      if (name.isEmpty()) {
        return;
      }
      // A rule in a package of the service's code would see that package's classes under their short names.
      boolean existing = !name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")
          || RuleSetChecker.class.getClassLoader().getResource(name.replace('.', '/') + "/") != null
          || RuleSetChecker.class.getClassLoader().getResource(name.replace('.', '/')) != null;
      if (existing) {
        refuse(null, pkg, "package", "规则包名 " + name + " 不可用：须为小写名称，且不是程序代码的包",
            "the package name " + name + " is not allowed: use lower-case names that are not a package of the service's code");
      }
    }

    private void declared(Collection<? extends BaseDescr> descrs, String construct, String zh, String en) {
      for (BaseDescr d : descrs) {
        refuse(null, d, construct, "不允许使用" + zh, en + " is not allowed in a gate rule set");
      }
    }

    private void checkRule(RuleDescr rule) {
      String name = rule.getName();
      rule.getAttributes().values().forEach(a -> attribute(name, a));
      if (!rule.getAnnotations().isEmpty()) {
        refuse(name, rule, "annotation", "规则上不允许使用注解（@…）", "annotations (@…) are not allowed on a rule");
      }
      if (!rule.getNamedConsequences().isEmpty()) {
        refuse(name, rule, "named-consequence", "不允许使用命名结论（then[…]）", "named consequences (then[…]) are not allowed");
      }
      RuleConditions conditions = new RuleConditions(this, name);
      conditions.check(rule.getLhs());
      try {
        RuleConsequences.check(rule.getConsequence() == null ? null : rule.getConsequence().toString(),
            conditions.bindings().keySet()).forEach(c -> criteria.putIfAbsent(c.code(), c));
      } catch (RuleRefusal r) {
        add(name, rule.getConsequenceLine(), r.construct(), r.message());
      }
    }

    private void attribute(String rule, AttributeDescr a) {
      String value = a.getValue() == null ? "" : a.getValue().strip();
      boolean allowed = switch (a.getName()) {
        case "salience" -> value.matches("-?\\d{1,9}");
        case "dialect" -> value.equals("java");
        default -> FLAG_ATTRIBUTES.contains(a.getName()) ? value.matches("true|false|")
            : NAME_ATTRIBUTES.contains(a.getName()) && a.getType() == AttributeDescr.Type.STRING;
      };
      if (!allowed) {
        refuse(rule, a, "attribute-" + a.getName(), "不允许使用规则属性 " + a.getName() + " " + value
                + "（salience 只能是整数，dialect 只能是 \"java\"，不允许表达式、timer、duration、calendars）",
            "the attribute " + a.getName() + " " + value + " is not allowed (salience must be a whole number, dialect "
                + "\"java\"; no expressions, timer, duration or calendars)");
      }
    }

    @Override
    public void refuse(String rule, BaseDescr at, String construct, String zh, String en) {
      add(rule, at == null ? 0 : Math.max(at.getLine(), 0), construct, new Message(zh, en));
    }

    @Override
    public void refuse(String rule, BaseDescr at, RuleRefusal refusal) {
      add(rule, at == null ? 0 : Math.max(at.getLine(), 0), refusal.construct(), refusal.message());
    }

    /** In a decision table the line is the table row, and the message names row and cell. */
    private void add(String rule, int line, String construct, Message message) {
      DecisionTableCells.Place place = cells == null || line <= 0 ? null : cells.at(line);
      if (place == null) {
        violations.add(new Violation(file, rule, cells == null ? line : 0, construct, message));
      } else {
        violations.add(new Violation(file, rule, place.row(), construct, new Message(
            place.describeZh() + "：" + message.zh(),
            place.describe() + ": " + message.en())));
      }
    }
  }

  /** Shared by {@link RuleConditions}: the file check it reports to. */
  interface Reporter {
    void refuse(String rule, BaseDescr at, String construct, String zh, String en);

    void refuse(String rule, BaseDescr at, RuleRefusal refusal);
  }

  static Map<String, Class<?>> newBindings() {
    return new LinkedHashMap<>();
  }
}
