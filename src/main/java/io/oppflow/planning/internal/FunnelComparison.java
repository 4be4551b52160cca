package io.oppflow.planning.internal;

import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.util.List;

/**
 * Funnel comparison (漏斗比较): per stage the actual conversion of the period against the ideal one; the
 * weakest stage is the one with the largest shortfall (the most negative delta), null if none was measured.
 */
public record FunnelComparison(String orgUnit, String period, String process, io.oppflow.funnel.OwnerAt ownerAt,
    List<StageComparison> stages,
    WeakestStage weakestStage, BigDecimal targetRevenue, BigDecimal wonRevenue) {

  /** delta = actual − target; actual and delta are null when no opportunity entered the stage. */
  public record StageComparison(String stage, Message name, long entered, long advanced, BigDecimal actualConversion,
      BigDecimal targetConversion, BigDecimal delta) {}

  /** The stage furthest below its target (or, if every stage meets it, the one closest to missing it). */
  public record WeakestStage(String stage, Message name, BigDecimal delta, boolean belowTarget) {}
}
