package io.oppflow.gate;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rule set every gate of this node evaluates: the version activated last in the database.
 *
 * <p>At start-up the files in {@code rules/} become a version (unchanged files, no new version); a new
 * version that compiles and passes its self-tests is activated, so editing the folder and restarting
 * is one way to change rules. Versions activated on another node are picked up by {@link #refresh()}
 * within the refresh interval.
 */
@Component
public class ActiveRules {

  private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

  private final AtomicReference<RuleSet> active = new AtomicReference<>();
  private final RuleSetStore store;

  ActiveRules(RuleSetStore store, @Value("${oppflow.rules-dir:rules}") Path rulesDir) {
    this.store = store;
    RuleSetFiles folder = RuleFiles.read(rulesDir);
    boolean isNew = store.store(folder, RuleSelfTests.countCases(folder.caseFiles()), RuleSetVersion.Source.STARTUP, "system");
    if (isNew || store.activeVersion().isEmpty()) {
      activateFolder(folder);
    }
    refresh();
    if (active.get() == null) {
      throw new IllegalStateException("No usable rule set: the rule folder " + rulesDir + " failed and none was active");
    }
  }

  private void activateFolder(RuleSetFiles folder) {
    try {
      RuleSet rules = RuleSet.compile(folder);
      var failures = RuleSelfTests.run(rules, folder.caseFiles());
      if (!failures.isEmpty()) {
        store.refused(folder.version(), "system", "self-tests failed at start-up: " + failures);
        log.error("Rule folder version {} not activated: {} self-test cases fail: {}", folder.version(), failures.size(), failures);
        return;
      }
      store.activate(folder.version(), "system");
      active.set(rules);
    } catch (RuleSetCompilationException e) {
      store.refused(folder.version(), "system", e.getMessage());
      log.error("Rule folder version {} not activated: {}", folder.version(), e.getMessage());
    }
  }

  public RuleSet current() {
    return active.get();
  }

  /** Makes {@code rules} this node's active set at once (it was just activated in the database). */
  void use(RuleSet rules) {
    active.set(rules);
  }

  /** Follows the activation in the database, e.g. one made on another node. */
  @Scheduled(fixedDelayString = "${oppflow.rules.refresh-interval:5s}", initialDelayString = "${oppflow.rules.refresh-interval:5s}")
  public void refresh() {
    String wanted = store.activeVersion().orElse(null);
    RuleSet current = active.get();
    if (wanted == null || (current != null && current.version().equals(wanted))) {
      return;
    }
    RuleSetFiles files = store.files(wanted).orElseThrow(() -> new RuleSetNotFoundException(wanted));
    active.set(RuleSet.compile(files));
    log.info("Stage-gate rules version {} active ({} files)", wanted, files.all().size());
  }
}
