package io.oppflow.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message.Level;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

/**
 * A compiled set of gate rules and its version: the SHA-256 of its files (paths and contents), so the
 * same files always give the same version and any change gives a new one.
 */
public final class RuleSet {

  private final String version;
  private final SortedMap<String, String> files;
  private final KieBase kieBase;

  private RuleSet(String version, SortedMap<String, String> files, KieBase kieBase) {
    this.version = version;
    this.files = files;
    this.kieBase = kieBase;
  }

  /**
   * Compiles rule files given as relative path → content (e.g. {@code projectsales/discover.drl}).
   *
   * @throws RuleSetCompilationException naming file and line of every error
   */
  public static RuleSet compile(Map<String, String> ruleFiles) {
    SortedMap<String, String> files = new TreeMap<>(ruleFiles);
    String version = versionOf(files);
    KieServices kie = KieServices.Factory.get();
    ReleaseId releaseId = kie.newReleaseId("io.oppflow.rules", "gates", "1.0.0-" + version);
    KieFileSystem fs = kie.newKieFileSystem();
    fs.generateAndWritePomXML(releaseId);
    files.forEach((path, content) -> fs.write("src/main/resources/" + path, content));
    KieBuilder builder = kie.newKieBuilder(fs).buildAll();
    List<RuleProblem> problems = new ArrayList<>();
    for (org.kie.api.builder.Message m : builder.getResults().getMessages(Level.ERROR)) {
      problems.add(new RuleProblem(stripPrefix(m.getPath()), m.getLine(), m.getText()));
    }
    if (!problems.isEmpty()) {
      kie.getRepository().removeKieModule(releaseId);
      throw new RuleSetCompilationException(problems);
    }
    KieBase base = kie.newKieContainer(releaseId).getKieBase();
    // The container keeps what it needs; the repository copy would only pile up across versions.
    kie.getRepository().removeKieModule(releaseId);
    return new RuleSet(version, files, base);
  }

  /** Runs the gate asked by {@code request} against {@code facts}. */
  public GateVerdict evaluate(GateRequest request, Object... facts) {
    List<Finding> findings = new ArrayList<>();
    KieSession session = kieBase.newKieSession();
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
    return new GateVerdict(request.getProcess(), request.getStage(), verdict, failures, warnings, version);
  }

  public String version() {
    return version;
  }

  public SortedMap<String, String> files() {
    return files;
  }

  static String versionOf(SortedMap<String, String> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.forEach((path, content) -> {
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(content.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      });
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static String stripPrefix(String path) {
    if (path == null) {
      return "";
    }
    return path.startsWith("src/main/resources/") ? path.substring("src/main/resources/".length()) : path;
  }
}
