package io.oppflow.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.gate.RuleSelfTests.CaseFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rule self-tests shipped beside the rules ({@code rules/<process>/<gate>.cases.yaml}): every case
 * holds, every gate has a file with a passing case, and every criterion is shown failing by some case.
 */
class ShippedRuleCasesTests {

  private static final Path RULES = Path.of("rules");
  private static final Pattern CRITERION = Pattern.compile("Finding\\.(blocking|warning)\\(\\s*\"([^\"]+)\"");

  private static final Map<String, String> CASE_FILES = caseFiles();

  @Test
  void shouldHoldEveryShippedCase() {
    List<CaseFailure> failures = RuleSelfTests.run(ShippedRules.RULES, CASE_FILES);

    failures.forEach(failure -> System.out.println("Rule self-test failed: " + failure));
    assertThat(failures).as(failures.stream().map(CaseFailure::toString).collect(Collectors.joining("\n"))).isEmpty();
  }

  @Test
  void shouldShipCases() {
    assertThat(RuleSelfTests.countCases(CASE_FILES)).isGreaterThan(0);
  }

  @Test
  void shouldShipACasesFileBesideEveryRuleFile() {
    Set<String> expected = new TreeSet<>();
    drlFiles().keySet().forEach(drl -> expected.add(drl.replaceFirst("\\.drl$", RuleSelfTests.SUFFIX)));

    assertThat(CASE_FILES.keySet()).isEqualTo(expected);
  }

  @Test
  void shouldHaveAPassingCaseInEveryFile() {
    CASE_FILES.forEach((file, yaml) -> assertThat(cases(yaml))
        .as(file + " has a case that expects the gate to pass")
        .anySatisfy(c -> assertThat(expected(c, "failures")).isEmpty()));
  }

  @Test
  void shouldExpectEveryBlockingCriterionAsAFailureAndEveryWarningAsAWarning() {
    Set<String> failures = new TreeSet<>();
    Set<String> warnings = new TreeSet<>();
    CASE_FILES.values().forEach(yaml -> cases(yaml).forEach(c -> {
      failures.addAll(expected(c, "failures"));
      warnings.addAll(expected(c, "warnings"));
    }));
    Map<String, Boolean> criteria = criteria();
    Set<String> unproven = new TreeSet<>();
    criteria.forEach((code, blocking) -> {
      if (!(blocking ? failures : warnings).contains(code)) {
        unproven.add(code + (blocking ? " (blocking: expect it in failures)" : " (warning: expect it in warnings)"));
      }
    });

    assertThat(criteria).as("criterion codes found in the rules").isNotEmpty();
    assertThat(unproven).as("criteria that no case expects").isEmpty();
  }

  /** Criterion code → whether it blocks, from every {@code Finding.blocking("CODE"} and {@code Finding.warning("CODE"}. */
  private static Map<String, Boolean> criteria() {
    Map<String, Boolean> criteria = new TreeMap<>();
    for (String drl : drlFiles().values()) {
      Matcher m = CRITERION.matcher(drl);
      while (m.find()) {
        criteria.put(m.group(2), m.group(1).equals("blocking"));
      }
    }
    return criteria;
  }

  private static Map<String, String> drlFiles() {
    Map<String, String> drls = new TreeMap<>();
    RuleFiles.read(RULES).all().forEach((path, bytes) -> {
      if (path.endsWith(".drl")) {
        drls.put(path, new String(bytes, StandardCharsets.UTF_8));
      }
    });
    return drls;
  }

  private static Map<String, String> caseFiles() {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(RULES)) {
      for (Path p : paths.filter(p -> p.getFileName().toString().endsWith(RuleSelfTests.SUFFIX)).toList()) {
        files.put(RULES.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static List<Map<String, Object>> cases(String yaml) {
    Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cases = (List<Map<String, Object>>) file.get("cases");
    return cases;
  }

  @SuppressWarnings("unchecked")
  private static List<String> expected(Map<String, Object> selfTest, String kind) {
    Object codes = ((Map<String, Object>) selfTest.get("expect")).get(kind);
    return codes == null ? List.of() : (List<String>) codes;
  }
}
