package io.oppflow.planning.internal;

import io.oppflow.shared.NotFoundException;

/** No ideal funnel has been planned for that org unit, period and process. */
public class IdealFunnelNotFoundException extends NotFoundException {

  public IdealFunnelNotFoundException(String orgUnit, String period, String process) {
    super("Ideal funnel not found",
        orgUnit + " 在 " + period + " 尚未设定理想漏斗（流程 " + process + "） / No ideal funnel planned for " + orgUnit
            + " in " + period + " (process " + process + ")");
  }
}
