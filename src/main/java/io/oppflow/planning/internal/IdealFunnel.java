package io.oppflow.planning.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An ideal funnel (理想漏斗): the conversion a manager plans for each stage of a process, for an org unit
 * and a period, with the revenue target and the average deal size that turn it into numbers of deals.
 */
public record IdealFunnel(String orgUnit, String period, String process, List<StageTarget> stages,
    BigDecimal targetRevenue, BigDecimal averageDealSize, String updatedBy, Instant updatedAt) {

  /** The planned share of a stage's entries that pass its gate. */
  public record StageTarget(String stage, BigDecimal targetConversion) {}
}
