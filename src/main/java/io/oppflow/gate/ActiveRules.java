package io.oppflow.gate;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rule set every gate evaluates now: compiled from {@code rules/} at start-up. A rule set that does
 * not compile stops the start with its file and line, rather than serving gates without rules.
 */
@Component
public class ActiveRules {

  private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

  private final AtomicReference<RuleSet> active = new AtomicReference<>();

  ActiveRules(@Value("${oppflow.rules-dir:rules}") Path rulesDir) {
    RuleSet rules = RuleSet.compile(RuleFiles.read(rulesDir));
    active.set(rules);
    log.info("Stage-gate rules version {} active ({} files)", rules.version(), rules.files().size());
  }

  public RuleSet current() {
    return active.get();
  }
}
