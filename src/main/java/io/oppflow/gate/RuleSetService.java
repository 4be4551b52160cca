package io.oppflow.gate;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Changes the rules on the record: an upload is compiled and self-tested before it is activated; any
 * version can be activated again to roll back or forward. Every attempt is kept in the audit trail.
 */
@Service
public class RuleSetService {

  private final RuleSetStore store;
  private final ActiveRules active;
  private final DeployedGates deployedGates;

  RuleSetService(RuleSetStore store, ActiveRules active, DeployedGates deployedGates) {
    this.store = store;
    this.active = active;
    this.deployedGates = deployedGates;
  }

  /** Stores and activates an uploaded rule set (the whole set) if it compiles and its self-tests pass. */
  public RuleSetVersionView upload(RuleSetFiles files, String actor) {
    RuleSet rules = compile(files, actor);
    List<RuleSelfTests.CaseFailure> failures = RuleSelfTests.run(rules, files.caseFiles());
    if (!failures.isEmpty()) {
      store.refused(files.version(), actor, failures.size() + " self-test cases fail");
      throw new RuleSetRejectedException("The rule set's self-tests fail; the active rule set is unchanged",
          failures.stream().map(f -> new RuleSetRejectedException.Problem(f.file(), null, f.caseName(), f.problem())).toList());
    }
    store.store(files, RuleSelfTests.countCases(files.caseFiles()), RuleSetVersion.Source.UPLOAD, actor);
    store.activate(files.version(), actor);
    active.use(rules);
    return view(files.version());
  }

  /** Makes a stored version the active one again. */
  public RuleSetVersionView activate(String version, String actor) {
    RuleSetFiles files = store.files(version).orElseThrow(() -> new RuleSetNotFoundException(version));
    RuleSet rules = compile(files, actor);
    store.activate(version, actor);
    active.use(rules);
    return view(version);
  }

  public List<RuleSetVersionView> versions() {
    return store.list();
  }

  public List<RuleSetVersionView.Event> events() {
    return store.recentEvents();
  }

  private RuleSet compile(RuleSetFiles files, String actor) {
    RuleSet rules;
    try {
      rules = RuleSet.compile(files);
    } catch (RuleSetCompilationException e) {
      store.refused(files.version(), actor, e.getMessage());
      throw new RuleSetRejectedException("The rule set does not compile; the active rule set is unchanged",
          e.problems().stream().map(p -> new RuleSetRejectedException.Problem(p.file(), p.line(), null, p.message())).toList());
    }
    // A gate without rules would pass everything: a rule set must cover every deployed gate.
    List<RuleSetRejectedException.Problem> uncovered = deployedGates.required().stream()
        .filter(g -> !rules.covers(g.process(), g.stage()))
        .map(g -> new RuleSetRejectedException.Problem("", null, null, "the deployed process '" + g.process()
            + "' has a gate for stage '" + g.stage() + "' and this rule set has no rule for it"))
        .toList();
    if (!uncovered.isEmpty()) {
      store.refused(files.version(), actor, uncovered.size() + " deployed gates without rules");
      throw new RuleSetRejectedException("The rule set leaves deployed gates without rules; the active rule set is unchanged",
          uncovered);
    }
    return rules;
  }

  private RuleSetVersionView view(String version) {
    return store.list().stream().filter(v -> v.version().equals(version)).findFirst()
        .orElseThrow(() -> new RuleSetNotFoundException(version));
  }
}
