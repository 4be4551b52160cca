package io.oppflow.gate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern GATE_PATTERN = Pattern.compile(
      "GateRequest\\s*\\(([^)]*)\\)");
  private static final Pattern PROCESS = Pattern.compile("process\\s*==\\s*\"([^\"]+)\"");
  private static final Pattern STAGE = Pattern.compile("stage\\s*==\\s*\"([^\"]+)\"");

  private final RuleSetFiles files;
  private final KieContainerSessionsPool sessions;
  private final Set<Gate> gates;

  private RuleSet(RuleSetFiles files, KieContainerSessionsPool sessions, Set<Gate> gates) {
    this.files = files;
    this.sessions = sessions;
    this.gates = Collections.unmodifiableSet(gates);
  }

  /**
   * Compiles the rule files (DRL and decision tables) of a rule set.
   *
   * @throws RuleSetCompilationException naming file and line of every error
   */
  public static RuleSet compile(RuleSetFiles files) {
    KieServices kie = KieServices.Factory.get();
    ReleaseId releaseId = kie.newReleaseId("io.oppflow.rules", "gates", "1.0.0-" + files.version());
    KieFileSystem fs = kie.newKieFileSystem();
    fs.generateAndWritePomXML(releaseId);
    files.ruleFiles().forEach((path, content) -> fs.write("src/main/resources/" + path, content));
    KieBuilder builder = kie.newKieBuilder(fs).buildAll();
    List<RuleProblem> problems = new ArrayList<>();
    for (org.kie.api.builder.Message m : builder.getResults().getMessages(Level.ERROR)) {
      problems.add(new RuleProblem(stripPrefix(m.getPath()), m.getLine(), m.getText()));
    }
    if (files.ruleFiles().isEmpty()) {
      problems.add(new RuleProblem("", 0, "a rule set needs at least one rule file (.drl, .drl.csv, .drl.xlsx)"));
    }
    if (!problems.isEmpty()) {
      kie.getRepository().removeKieModule(releaseId);
      throw new RuleSetCompilationException(problems);
    }
    KieContainer container = kie.newKieContainer(releaseId);
    // The container keeps what it needs; the repository copy would only pile up across versions.
    kie.getRepository().removeKieModule(releaseId);
    // Sessions are reset and reused rather than built for every evaluation.
    return new RuleSet(files, container.newKieSessionsPool(SESSION_POOL_SIZE), gatesOf(files));
  }

  /** Runs the gate asked by {@code request} against {@code facts}. */
  public GateVerdict evaluate(GateRequest request, Object... facts) {
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
    return files.version();
  }

  public RuleSetFiles files() {
    return files;
  }

  /** The gates some rule covers: every {@code GateRequest(process == "..", stage == "..")} in the DRL. */
  public Set<Gate> gates() {
    return gates;
  }

  public boolean covers(String process, String stage) {
    return gates.contains(new Gate(process, stage));
  }

  private static Set<Gate> gatesOf(RuleSetFiles files) {
    Set<Gate> gates = new TreeSet<>();
    files.ruleFiles().forEach((path, bytes) -> {
      Matcher pattern = GATE_PATTERN.matcher(drlOf(path, bytes));
      while (pattern.find()) {
        Matcher process = PROCESS.matcher(pattern.group(1));
        Matcher stage = STAGE.matcher(pattern.group(1));
        if (process.find() && stage.find()) {
          gates.add(new Gate(process.group(1), stage.group(1)));
        }
      }
    });
    return gates;
  }

  /** The DRL of a rule file; a decision table is read through the DRL it compiles to. */
  private static String drlOf(String path, byte[] bytes) {
    if (path.endsWith(".drl")) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    InputType type = path.endsWith(".csv") ? InputType.CSV : InputType.XLS;
    return new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), type);
  }

  private static String stripPrefix(String path) {
    if (path == null) {
      return "";
    }
    return path.startsWith("src/main/resources/") ? path.substring("src/main/resources/".length()) : path;
  }
}
