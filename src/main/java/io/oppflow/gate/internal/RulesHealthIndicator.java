package io.oppflow.gate.internal;

import io.oppflow.gate.ActiveRules;
import io.oppflow.gate.DeployedGates;
import io.oppflow.gate.RuleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code rules}: UP while a rule set serves, even when the rule folder was
 * refused at start-up or a deployed gate has no rules (those gates fail closed), OUT_OF_SERVICE when no
 * version can serve. Its details name the refused files and the uncovered gates; only sales-ops and
 * administrators see details ({@code management.endpoint.health.show-details: when-authorized}).
 */
@Component("rules")
public class RulesHealthIndicator implements HealthIndicator {

  private final ActiveRules rules;
  private final DeployedGates deployedGates;

  RulesHealthIndicator(ActiveRules rules, DeployedGates deployedGates) {
    this.rules = rules;
    this.deployedGates = deployedGates;
  }

  @Override
  public Health health() {
    RuleSet current = rules.current();
    Health.Builder health = rules.serving() ? Health.up() : Health.outOfService();
    health.withDetail("activeVersion", current.version());
    List<String> uncovered = deployedGates.required().stream()
        .filter(g -> !current.covers(g.process(), g.stage()))
        .map(g -> g.process() + "/" + g.stage())
        .toList();
    health.withDetail("uncoveredGates", uncovered);
    ActiveRules.FolderReport folder = rules.folderReport();
    if (folder != null) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("version", folder.version());
      report.put("outcome", folder.outcome());
      report.put("problems", folder.problems());
      health.withDetail("ruleFolder", report);
    }
    ActiveRules.NotFollowed notFollowed = rules.notFollowed();
    if (notFollowed != null) {
      health.withDetail("refusedDatabaseVersion", Map.of("version", notFollowed.version(), "problems", notFollowed.problems()));
    }
    return health.build();
  }
}
