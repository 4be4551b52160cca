package io.oppflow.planning;

/** No ideal funnel has been planned for that org unit, period and process. */
public class IdealFunnelNotFoundException extends RuntimeException {

  public IdealFunnelNotFoundException(String orgUnit, String period, String process) {
    super("No ideal funnel planned for " + orgUnit + " in " + period + " (process " + process + ")");
  }
}
