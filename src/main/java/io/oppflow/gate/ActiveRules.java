package io.oppflow.gate;

import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.gate.internal.RuleSelfTests;
import io.oppflow.gate.internal.RuleSetAcceptance;
import io.oppflow.gate.internal.RuleSetFiles;
import io.oppflow.gate.internal.RuleSetNotFoundException;
import io.oppflow.gate.internal.RuleSetRejectedException;
import io.oppflow.gate.internal.RuleSetStore;
import io.oppflow.gate.internal.RuleSetVersion;
import java.nio.file.Path;
import java.util.List;
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
 * version is activated if it passes the acceptance check ({@link RuleSetAcceptance}: allowlist, compilation,
 * coverage of the deployed gates, self-tests), so editing the folder and restarting is one way to change
 * rules. A folder that fails leaves the active database version serving; why is logged and shown by the
 * {@code rules} health indicator. Versions activated on another node are picked up by {@link #refresh()}
 * within the refresh interval. While no version can serve, every gate fails ({@link RuleSet#NO_RULES}).
 */
@Component
public class ActiveRules {

  /** What became of the rule folder at start-up, for the health indicator. */
  public record FolderReport(String version, String outcome, List<String> problems) {}

  /** A version active in the database that this node refused to follow, and why. */
  public record NotFollowed(String version, List<String> problems) {}

  private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

  private final AtomicReference<RuleSet> active = new AtomicReference<>();
  private final AtomicReference<FolderReport> folderReport = new AtomicReference<>();
  private final AtomicReference<NotFollowed> notFollowed = new AtomicReference<>();
  private final RuleSetStore store;
  private final RuleSetAcceptance acceptance;

  ActiveRules(RuleSetStore store, RuleSetAcceptance acceptance, @Value("${oppflow.rules-dir:rules}") Path rulesDir) {
    this.store = store;
    this.acceptance = acceptance;
    loadFolder(rulesDir);
    refresh();
    acceptance.startupDone();
    if (active.get() == null) {
      log.error("No usable rule set: the rule folder {} was refused and no version is active; every gate fails "
          + "with GATE-NO-RULES until a rule set is uploaded", rulesDir);
    }
  }

  /** The start-up path: makes the folder a version and activates it if it is new and passes the acceptance check. */
  public void loadFolder(Path rulesDir) {
    RuleSetFiles folder = RuleFiles.read(rulesDir);
    boolean isNew = store.store(folder, RuleSelfTests.countCases(folder.caseFiles()), RuleSetVersion.Source.STARTUP,
        "system", null);
    String activeVersion = store.activeVersion().orElse(null);
    if (!isNew && activeVersion != null) {
      // Unchanged files are not activated again: a version activated through the API since stays active.
      folderReport.set(folder.version().equals(activeVersion) ? new FolderReport(folder.version(), "ACTIVE", List.of())
          : new FolderReport(folder.version(), "NOT_ACTIVE", store.lastRefusal(folder.version()).map(List::of).orElse(List.of())));
      return;
    }
    try {
      // The folder is edited by sales-ops: always held to the allowlist, whatever the unrestricted switch says.
      RuleSetAcceptance.Accepted accepted = acceptance.accept(folder, "system", false);
      store.activate(folder.version(), "system", null);
      active.set(accepted.rules());
      folderReport.set(new FolderReport(folder.version(), "ACTIVATED", List.of()));
    } catch (RuleSetRejectedException e) {
      List<String> problems = e.problems().stream().map(Object::toString).toList();
      folderReport.set(new FolderReport(folder.version(), "REFUSED", problems));
      log.error("Rule folder {} (version {}) refused at start-up; the active version {} keeps serving. {}: {}",
          rulesDir, folder.version(), activeVersion == null ? "(none)" : activeVersion, e.getMessage(), problems);
    }
  }

  /** The rules in force; {@link RuleSet#none()} (every gate fails) while no version can serve. */
  public RuleSet current() {
    RuleSet rules = active.get();
    return rules == null ? RuleSet.none() : rules;
  }

  public boolean serving() {
    RuleSet rules = active.get();
    return rules != null && rules != RuleSet.none();
  }

  public FolderReport folderReport() {
    return folderReport.get();
  }

  public NotFollowed notFollowed() {
    return notFollowed.get();
  }

  /** Makes {@code rules} this node's active set at once (it was just activated in the database). */
  public void use(RuleSet rules) {
    active.set(rules);
    notFollowed.set(null);
  }

  /**
   * Follows the activation in the database, e.g. one made on another node. That version passed the
   * acceptance check when it was activated; here it is read against the allowlist and compiled again, so a
   * node never compiles what its own configuration would refuse.
   */
  @Scheduled(fixedDelayString = "${oppflow.rules.refresh-interval:5s}", initialDelayString = "${oppflow.rules.refresh-interval:5s}")
  public void refresh() {
    String wanted = store.activeVersion().orElse(null);
    RuleSet current = active.get();
    NotFollowed refused = notFollowed.get();
    if (wanted != null && current != null && current.version().equals(wanted)) {
      notFollowed.set(null);
      return;
    }
    if (wanted == null || (refused != null && refused.version().equals(wanted))) {
      return;
    }
    RuleSetFiles files = store.files(wanted).orElseThrow(() -> new RuleSetNotFoundException(wanted));
    try {
      // An unrestricted version was let in by an administrator (the audit trail says who); the switch decides here.
      active.set(acceptance.readAndCompile(files, "system", true).rules());
      notFollowed.set(null);
      log.info("Stage-gate rules version {} active ({} files)", wanted, files.all().size());
    } catch (RuleSetRejectedException e) {
      List<String> problems = e.problems().stream().map(Object::toString).toList();
      notFollowed.set(new NotFollowed(wanted, problems));
      log.error("Rule set version {} is active in the database but this node refuses it and keeps {}: {}", wanted,
          current == null ? "no rules (every gate fails)" : current.version(), problems);
    }
  }
}
