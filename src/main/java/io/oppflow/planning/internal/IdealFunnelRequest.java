package io.oppflow.planning.internal;

import java.math.BigDecimal;
import java.util.List;

/** The body of PUT /api/ideal-funnels/{orgUnit}/{period}. */
public record IdealFunnelRequest(String process, List<StageTarget> stages, BigDecimal targetRevenue, BigDecimal averageDealSize) {

  public record StageTarget(String stage, BigDecimal targetConversion) {}
}
