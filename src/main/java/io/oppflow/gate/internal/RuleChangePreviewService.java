package io.oppflow.gate.internal;

import io.oppflow.gate.ActiveRules;
import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import io.oppflow.shared.InvalidRequestException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Rule-change impact preview (规则变更影响预览): what a candidate rule set would have decided on the gates of a
 * window, before anyone uploads it. The candidate passes the same acceptance check as an upload
 * ({@link RuleSetAcceptance#trial}) and is then replayed over the stored gate records ({@link GateRecordReplay});
 * nothing is stored, no event is written and the active rules do not change.
 */
@Service
public class RuleChangePreviewService {

  static final int DEFAULT_EXAMPLES = 10;
  static final int MAX_EXAMPLES = 100;

  private final RuleSetAcceptance acceptance;
  private final GateRecordReplay replay;
  private final ActiveRules active;
  private final Clock clock;

  RuleChangePreviewService(RuleSetAcceptance acceptance, GateRecordReplay replay, ActiveRules active, Clock clock) {
    this.acceptance = acceptance;
    this.replay = replay;
    this.active = active;
    this.clock = clock;
  }

  /**
   * Checks {@code files} as an upload would and replays them over the window {@code from}–{@code to}.
   *
   * @throws RuleSetRejectedException as an upload would (compilation, allowlist, uncovered gate, self-tests)
   */
  public RuleChangePreview preview(RuleSetFiles files, String from, String to, int examples, Actor actor) {
    RuleSetPermissions.requireRuleAuthor(actor);
    if (examples < 0 || examples > MAX_EXAMPLES) {
      throw InvalidRequestException.of("examples", "须为 0 到 " + MAX_EXAMPLES + " / must be 0 to " + MAX_EXAMPLES);
    }
    PreviewWindow window = PreviewWindow.of(from, to, clock);
    RuleSetAcceptance.Accepted candidate = acceptance.trial(files, actor.userId(), actor.has(Role.ADMIN));
    return replay.replay(candidate.rules(), active.current().version(), window, examples)
        .withSelfTests(selfTests(files));
  }

  private static RuleChangePreview.SelfTests selfTests(RuleSetFiles files) {
    List<RuleChangePreview.SelfTestFile> byFile = files.caseFiles().entrySet().stream()
        .map(e -> new RuleChangePreview.SelfTestFile(e.getKey(),
            RuleSelfTests.cases(e.getKey(), e.getValue()).stream().map(RuleSelfTests.SelfTestCase::name).toList()))
        .toList();
    return new RuleChangePreview.SelfTests(byFile.stream().mapToInt(f -> f.cases().size()).sum(), byFile);
  }
}
