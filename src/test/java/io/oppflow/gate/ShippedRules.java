package io.oppflow.gate;

import java.nio.file.Path;

/** The rules of the top-level {@code rules/} folder, compiled once per test JVM. */
final class ShippedRules {

  static final RuleSet RULES = RuleSet.compile(RuleFiles.read(Path.of("rules")));

  private ShippedRules() {}
}
