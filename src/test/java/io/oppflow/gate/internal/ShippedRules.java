package io.oppflow.gate.internal;

import io.oppflow.gate.RuleSet;

import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.gate.internal.RuleSelfTests;
import io.oppflow.gate.internal.RuleSetFiles;
import io.oppflow.gate.internal.RuleSelfTests.SelfTestCase;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.stream.Stream;

/** The rules of the top-level {@code rules/} folder, compiled once per test JVM, and their self-test cases. */
final class ShippedRules {

  static final RuleSetFiles FILES = RuleFiles.read(Path.of("rules"));
  static final RuleSet RULES = RuleSet.compile(FILES);
  static final SortedMap<String, String> CASE_FILES = FILES.caseFiles();

  private ShippedRules() {}

  /** Every case of every shipped cases file, file by file in path order. */
  static Stream<SelfTestCase> cases() {
    return CASE_FILES.entrySet().stream().flatMap(e -> RuleSelfTests.cases(e.getKey(), e.getValue()).stream());
  }
}
