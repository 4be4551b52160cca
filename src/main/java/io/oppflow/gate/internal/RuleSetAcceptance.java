package io.oppflow.gate.internal;

import io.oppflow.gate.DeployedGates;
import io.oppflow.gate.RuleSet;
import io.oppflow.shared.Message;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one acceptance check a rule set passes before it serves, at upload, at activation and at start-up:
 * (1) its files parse and every construct is on the allowlist ({@link RuleSetChecker}), before anything
 * is compiled or run; (2) it compiles; (3) it covers every gate of the deployed processes; (4) its
 * self-tests pass. A refusal is recorded in the audit trail (except for a {@link #trial}, which records nothing)
 * and thrown as {@link RuleSetRejectedException}.
 *
 * <p>Unrestricted DRL (outside the allowlist) passes step 1 only when
 * {@code oppflow.rules.allow-unrestricted-drl} is on <em>and</em> an administrator asks for it; it is then
 * logged and noted in the audit trail.
 */
@Component
public class RuleSetAcceptance {

  /** A rule set that may serve; {@code unrestricted} lists what an administrator let pass outside the allowlist. */
  public record Accepted(RuleSet rules, int caseCount, List<RuleSetChecker.Violation> unrestricted) {

    /** The audit note for an unrestricted set, or null. */
    String note() {
      return unrestricted.isEmpty() ? null : "UNRESTRICTED DRL (oppflow.rules.allow-unrestricted-drl) with "
          + unrestricted.size() + " constructs outside the allowlist: "
          + unrestricted.stream().map(Object::toString).collect(Collectors.joining("; "));
    }
  }

  private static final Logger log = LoggerFactory.getLogger(RuleSetAcceptance.class);

  private final RuleSetStore store;
  private final DeployedGates deployedGates;
  private final boolean unrestrictedSwitch;
  private final RuleFolderHeadStart headStart;

  RuleSetAcceptance(RuleSetStore store, DeployedGates deployedGates,
      @Value("${oppflow.rules.allow-unrestricted-drl:false}") boolean unrestrictedSwitch, RuleFolderHeadStart headStart) {
    this.store = store;
    this.deployedGates = deployedGates;
    this.unrestrictedSwitch = unrestrictedSwitch;
    this.headStart = headStart;
  }

  /** Drops the folder compiled at start-up if nobody took it (the database serves another version). */
  public void startupDone() {
    headStart.discard();
  }

  /**
   * Runs the whole check for {@code files} on behalf of {@code actor}.
   *
   * @param admin whether the actor is an administrator (only they may use unrestricted DRL, and only with the switch on)
   * @throws RuleSetRejectedException when any step refuses; the refusal is on the record
   */
  public Accepted accept(RuleSetFiles files, String actor, boolean admin) {
    return check(files, actor, admin, true);
  }

  /**
   * The same check as {@link #accept}, for a rule set that is only tried (a rule-change preview): it answers and
   * throws exactly as the upload would, but puts nothing on the record, not even a refusal.
   */
  public Accepted trial(RuleSetFiles files, String actor, boolean admin) {
    return check(files, actor, admin, false);
  }

  private Accepted check(RuleSetFiles files, String actor, boolean admin, boolean onRecord) {
    Accepted accepted = readAndCompile(files, actor, admin, onRecord);
    List<RuleSet.Gate> missing = deployedGates.required().stream()
        .filter(g -> !accepted.rules().covers(g.process(), g.stage()))
        .toList();
    List<RuleSetRejectedException.Problem> uncovered = missing.stream()
        .map(g -> new RuleSetRejectedException.Problem("", null, null, "已部署流程 '" + g.process() + "' 有阶段 '"
            + g.stage() + "' 的关卡，而此规则集没有它的规则 / the deployed process '" + g.process()
            + "' has a gate for stage '" + g.stage() + "' and this rule set has no rule for it", null, "uncovered-gate"))
        .toList();
    if (!uncovered.isEmpty()) {
      String gates = missing.stream().map(g -> g.process() + "/" + g.stage()).collect(Collectors.joining(", "));
      throw refuse(onRecord, files, actor, new Message(missing.size() + " 个已部署的关卡没有规则：" + gates,
              missing.size() + " deployed gates without rules: " + gates).both(),
          "此规则集使已部署的关卡没有规则；当前规则集保持不变 / The rule set leaves deployed gates without rules; "
              + "the active rule set is unchanged", uncovered);
    }
    List<RuleSelfTests.CaseFailure> failures = RuleSelfTests.run(accepted.rules(), files.caseFiles());
    if (!failures.isEmpty()) {
      throw refuse(onRecord, files, actor, RuleSelfTests.summary(failures).both(),
          "规则集自测未通过；当前规则集保持不变 / The rule set's self-tests fail; the active rule set is unchanged",
          failures.stream().map(f -> new RuleSetRejectedException.Problem(f.file(), null, f.caseName(), f.problem())).toList());
    }
    return accepted;
  }

  /**
   * Steps 1 and 2 only, for a version that was accepted when it was activated (on this or another node) and
   * is now loaded from the database. {@code admin} tells whether an administrator stands behind it.
   */
  public Accepted readAndCompile(RuleSetFiles files, String actor, boolean admin) {
    return readAndCompile(files, actor, admin, true);
  }

  private Accepted readAndCompile(RuleSetFiles files, String actor, boolean admin, boolean onRecord) {
    Optional<RuleFolderHeadStart.Compiled> early = headStart.take(files);
    RuleSetChecker.Result checked = early.map(RuleFolderHeadStart.Compiled::checked).orElseGet(() -> RuleSetChecker.check(files));
    if (!checked.readable()) {
      throw compileRefusal(onRecord, files, actor, new RuleSetCompilationException(checked.unreadable()));
    }
    if (!checked.safe() && !(unrestrictedSwitch && admin)) {
      List<RuleSetRejectedException.Problem> problems = checked.violations().stream()
          .map(v -> new RuleSetRejectedException.Problem(v.file(), v.line() > 0 ? v.line() : null, null,
              v.message().both(), v.rule(), v.construct()))
          .toList();
      throw refuse(onRecord, files, actor, "outside the allowlist, nothing compiled or run: " + checked.violations(),
          "规则集使用了白名单以外的写法，未编译也未运行任何规则；当前规则集保持不变 / The rule set uses constructs outside "
              + "the allowlist; nothing of it was compiled or run, and the active rule set is unchanged", problems);
    }
    if (!checked.safe()) {
      log.warn("Unrestricted DRL accepted for rule set {} by {} (oppflow.rules.allow-unrestricted-drl is on): {}",
          files.version(), actor, checked.violations());
    }
    try {
      RuleSet rules = early.flatMap(RuleFolderHeadStart.Compiled::rulesOrThrow).orElseGet(() -> RuleSet.compile(files, checked));
      return new Accepted(rules, RuleSelfTests.countCases(files.caseFiles()),
          checked.violations());
    } catch (RuleSetCompilationException e) {
      throw compileRefusal(onRecord, files, actor, e);
    }
  }

  private RuleSetRejectedException compileRefusal(boolean onRecord, RuleSetFiles files, String actor,
      RuleSetCompilationException e) {
    return refuse(onRecord, files, actor, e.getMessage(),
        "规则集无法编译；当前规则集保持不变 / The rule set does not compile; the active rule set is unchanged",
        e.problems().stream().map(p -> new RuleSetRejectedException.Problem(p.file(), p.line(), null, p.message())).toList());
  }

  private RuleSetRejectedException refuse(boolean onRecord, RuleSetFiles files, String actor, String detail, String why,
      List<RuleSetRejectedException.Problem> problems) {
    if (onRecord) {
      store.refused(files.version(), actor, detail);
    }
    return new RuleSetRejectedException(why, problems);
  }
}
