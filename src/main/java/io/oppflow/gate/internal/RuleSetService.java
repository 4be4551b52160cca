package io.oppflow.gate.internal;

import io.oppflow.gate.ActiveRules;
import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Changes the rules on the record: an upload passes the acceptance check ({@link RuleSetAcceptance}:
 * allowlist, compilation, coverage of the deployed gates, self-tests) before it is activated; any stored
 * version can be activated again to roll back or forward, after the same check against the processes
 * deployed now. Every attempt is kept in the audit trail.
 */
@Service
public class RuleSetService {

  private final RuleSetStore store;
  private final ActiveRules active;
  private final RuleSetAcceptance acceptance;

  RuleSetService(RuleSetStore store, ActiveRules active, RuleSetAcceptance acceptance) {
    this.store = store;
    this.active = active;
    this.acceptance = acceptance;
  }

  /** Stores and activates an uploaded rule set (the whole set) if it passes the acceptance check. */
  public RuleSetVersionView upload(RuleSetFiles files, Actor actor) {
    RuleSetPermissions.requireRuleAuthor(actor);
    RuleSetAcceptance.Accepted accepted = acceptance.accept(files, actor.userId(), actor.has(Role.ADMIN));
    store.store(files, accepted.caseCount(), RuleSetVersion.Source.UPLOAD, actor.userId(), accepted.note());
    store.activate(files.version(), actor.userId(), accepted.note());
    active.use(accepted.rules());
    return view(files.version());
  }

  /** Makes a stored version the active one again, if it passes the acceptance check today. */
  public RuleSetVersionView activate(String version, Actor actor) {
    RuleSetPermissions.requireRuleAuthor(actor);
    RuleSetFiles files = store.files(version).orElseThrow(() -> new RuleSetNotFoundException(version));
    RuleSetAcceptance.Accepted accepted = acceptance.accept(files, actor.userId(), actor.has(Role.ADMIN));
    store.activate(version, actor.userId(), accepted.note());
    active.use(accepted.rules());
    return view(version);
  }

  public List<RuleSetVersionView> versions() {
    return store.list();
  }

  public List<RuleSetVersionView.Event> events() {
    return store.recentEvents();
  }

  private RuleSetVersionView view(String version) {
    return store.list().stream().filter(v -> v.version().equals(version)).findFirst()
        .orElseThrow(() -> new RuleSetNotFoundException(version));
  }
}
