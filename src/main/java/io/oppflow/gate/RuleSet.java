package io.oppflow.gate;

import io.oppflow.gate.internal.GateCoverage;
import io.oppflow.gate.internal.GateEvaluationException;
import io.oppflow.gate.internal.RuleProblem;
import io.oppflow.gate.internal.RuleSetChecker;
import io.oppflow.gate.internal.RuleSetCompilationException;
import io.oppflow.gate.internal.RuleSetFiles;
import io.oppflow.gate.internal.UnsafeRuleSetException;
import io.oppflow.shared.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message.Level;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;

/**
 * A compiled set of gate rules and its version (see {@link RuleSetFiles#version()}).
 */
public final class RuleSet {

  /** A gate the rules cover: the way out of {@code stage} of {@code process}. */
  public record Gate(String process, String stage) implements Comparable<Gate> {
    @Override
    public int compareTo(Gate o) {
      return (process + "/" + stage).compareTo(o.process + "/" + o.stage);
    }
  }

  private static final int SESSION_POOL_SIZE = 8;
  private static final String TABLE_DRL_SUFFIX = ".generated.drl";

  /** The criterion of a gate no rule covers: such a gate fails, it never passes by default. */
  static final Criterion NO_RULES = new Criterion("GATE-NO-RULES",
      new Message("此关卡在当前规则集中没有任何规则，关卡不予通过；请销售运营为其添加规则。",
          "This gate has no rules in the active rule set, so it does not pass; sales operations must add rules for it."),
      true);

  private static final RuleSet NONE = new RuleSet(new RuleSetFiles(java.util.Map.of()), null, GateCoverage.none(), new TreeMap<>());

  private final RuleSetFiles files;
  private final KieContainerSessionsPool sessions;
  private final GateCoverage coverage;
  private final SortedMap<String, Criterion> criteria;

  private RuleSet(RuleSetFiles files, KieContainerSessionsPool sessions, GateCoverage coverage,
      SortedMap<String, Criterion> criteria) {
    this.files = files;
    this.sessions = sessions;
    this.coverage = coverage;
    this.criteria = Collections.unmodifiableSortedMap(criteria);
  }

  /** No rules at all: every gate fails with {@link #NO_RULES}. What a node uses while no version can serve. */
  public static RuleSet none() {
    return NONE;
  }

  /**
   * Compiles the rule files (DRL and decision tables) of a rule set, if they pass the allowlist check of
   * {@link RuleSetChecker}; nothing is compiled otherwise.
   *
   * @throws RuleSetCompilationException naming file and line of every error
   * @throws UnsafeRuleSetException naming file, rule and construct of everything outside the allowlist
   */
  public static RuleSet compile(RuleSetFiles files) {
    RuleSetChecker.Result checked = RuleSetChecker.check(files);
    if (!checked.readable()) {
      throw new RuleSetCompilationException(checked.unreadable());
    }
    if (!checked.safe()) {
      throw new UnsafeRuleSetException(checked.violations());
    }
    return compile(files, checked);
  }

  /**
   * Compiles the DRL that {@code checked} read from {@code files}, whatever the check found: so what runs is
   * exactly the text that was checked. Only {@link RuleSetAcceptance} calls it for a set outside the allowlist.
   */
  public static RuleSet compile(RuleSetFiles files, RuleSetChecker.Result checked) {
    KieServices kie = KieServices.Factory.get();
    ReleaseId releaseId = kie.newReleaseId("io.oppflow.rules", "gates", "1.0.0-" + files.version());
    KieFileSystem fs = kie.newKieFileSystem();
    fs.generateAndWritePomXML(releaseId);
    checked.drl().forEach((path, drl) -> fs.write("src/main/resources/" + path + (path.endsWith(".drl") ? "" : TABLE_DRL_SUFFIX),
        drl.getBytes(StandardCharsets.UTF_8)));
    List<RuleProblem> problems = new ArrayList<>();
    if (files.ruleFiles().isEmpty()) {
      problems.add(new RuleProblem("", 0, new Message("规则集至少需要一个规则文件（.drl、.drl.csv、.drl.xlsx）",
          "a rule set needs at least one rule file (.drl, .drl.csv, .drl.xlsx)").both()));
    } else {
      KieBuilder builder = kie.newKieBuilder(fs).buildAll();
      for (org.kie.api.builder.Message m : builder.getResults().getMessages(Level.ERROR)) {
        String file = stripPrefix(m.getPath());
        // A decision table's errors name its row and cell, not a line of the DRL generated from it.
        problems.add(RuleSetChecker.problem(file, m.getLine(), m.getText(), checked.tables().get(file)));
      }
    }
    if (!problems.isEmpty()) {
      kie.getRepository().removeKieModule(releaseId);
      throw new RuleSetCompilationException(problems);
    }
    KieContainer container = kie.newKieContainer(releaseId);
    // The container keeps what it needs; the repository copy would only pile up across versions.
    kie.getRepository().removeKieModule(releaseId);
    // Sessions are reset and reused rather than built for every evaluation.
    KieContainerSessionsPool pool = container.newKieSessionsPool(SESSION_POOL_SIZE);
    return new RuleSet(files, pool, GateCoverage.of(container.getKieBase(), pool::newKieSession), checked.criteria());
  }

  /** Runs the gate asked by {@code request} against {@code facts}. */
  public GateVerdict evaluate(GateRequest request, Object... facts) {
    if (!covers(request.getProcess(), request.getStage())) {
      return new GateVerdict(request.getProcess(), request.getStage(), Verdict.FAILED, List.of(NO_RULES), List.of(),
          version());
    }
    List<Finding> findings = new ArrayList<>();
    KieSession session = sessions.newKieSession();
    try {
      session.insert(request);
      for (Object fact : facts) {
        session.insert(fact);
      }
      session.fireAllRules();
      for (Object o : session.getObjects(o -> o instanceof Finding)) {
        findings.add((Finding) o);
      }
    } catch (RuntimeException e) {
      throw new GateEvaluationException(request.getProcess(), request.getStage(), e);
    } finally {
      session.dispose();
    }
    findings.sort((a, b) -> a.getCode().compareTo(b.getCode()));
    List<Criterion> failures = findings.stream().filter(Finding::isBlocking).map(Criterion::of).toList();
    List<Criterion> warnings = findings.stream().filter(f -> !f.isBlocking()).map(Criterion::of).toList();
    Verdict verdict = failures.isEmpty() ? Verdict.PASSED : Verdict.FAILED;
    return new GateVerdict(request.getProcess(), request.getStage(), verdict, failures, warnings, files.version());
  }

  public String version() {
    return this == NONE ? "none" : files.version();
  }

  public RuleSetFiles files() {
    return files;
  }

  /**
   * Whether some compiled rule guards the way out of {@code stage} of {@code process} (see {@link GateCoverage}):
   * a DRL rule or a decision-table row whose {@code GateRequest} pattern names that process and stage.
   */
  public boolean covers(String process, String stage) {
    return coverage.covers(process, stage);
  }

  /**
   * The criteria the rules state with plain texts, by code: what a rule or table row inserts as
   * {@code Finding.blocking/warning( "CODE", "中文", "English" )}. A criterion whose text joins bound values is
   * not listed.
   */
  public SortedMap<String, Criterion> criteria() {
    return criteria;
  }

  private static String stripPrefix(String path) {
    if (path == null) {
      return "";
    }
    String file = path.startsWith("src/main/resources/") ? path.substring("src/main/resources/".length()) : path;
    return file.endsWith(TABLE_DRL_SUFFIX) ? file.substring(0, file.length() - TABLE_DRL_SUFFIX.length()) : file;
  }
}
