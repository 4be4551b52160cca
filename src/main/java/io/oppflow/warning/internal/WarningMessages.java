package io.oppflow.warning.internal;

import io.oppflow.shared.Message;
import io.oppflow.funnel.StageDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The warnings' texts in Chinese and English, naming stages as sales-ops named them in the BPMN. */
public final class WarningMessages {

  private final Function<String, List<StageDefinition>> stagesOf;
  private final Map<String, Map<String, StageDefinition>> cache = new HashMap<>();

  WarningMessages(Function<String, List<StageDefinition>> stagesOf) {
    this.stagesOf = stagesOf;
  }

  Message stageName(String process, String stage) {
    StageDefinition d = stages(process).get(stage);
    return d == null ? new Message(stage, stage) : d.name();
  }

  Message stalled(String process, String stage, long days) {
    Message n = stageName(process, stage);
    return new Message("商机在「" + n.zh() + "」阶段已停留 " + days + " 天，超过阶段时限，待主管审查。",
        "The opportunity has been in stage " + n.en() + " for " + days + " days, beyond the stage's dwell limit;"
            + " a manager has to review it.");
  }

  Message of(StageHistoryWarnings.Finding f) {
    var i = f.interval();
    Message n = stageName(i.process(), i.stage());
    if (f.leftWithoutGate()) {
      return new Message("商机未经阶段关卡离开了「" + n.zh() + "」阶段（流程被人工调整）。",
          "The opportunity left stage " + n.en() + " without passing its gate (the process was moved by hand).");
    }
    Message p = stageName(f.previous().process(), f.previous().stage());
    if (f.kind() == WarningKind.SKIPPED_STAGE) {
      int skipped = i.order() - f.previous().order() - 1;
      return new Message("商机从「" + p.zh() + "」直接进入「" + n.zh() + "」，跳过了 " + skipped + " 个阶段。",
          "The opportunity went from " + p.en() + " straight to " + n.en() + ", skipping " + skipped
              + (skipped == 1 ? " stage." : " stages."));
    }
    return new Message("商机从「" + p.zh() + "」重新进入了「" + n.zh() + "」阶段（重新打开）。",
        "The opportunity re-entered stage " + n.en() + " after " + p.en() + " (reopened).");
  }

  private Map<String, StageDefinition> stages(String process) {
    return cache.computeIfAbsent(process, p -> {
      Map<String, StageDefinition> map = new HashMap<>();
      stagesOf.apply(p).forEach(s -> map.put(s.code(), s));
      return map;
    });
  }
}
