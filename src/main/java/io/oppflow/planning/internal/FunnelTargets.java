package io.oppflow.planning.internal;

import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.util.List;

/**
 * Funnel calculation (漏斗计算): from a revenue target, the deals to win and the opportunities that must
 * enter each stage, overall and for each rep (the deals split evenly among the reps, rounded up).
 *
 * @param ownerAt whose org unit the measured stage entries are under ({@code basis=measured}); the reps the deals are
 *     split among are those owning the unit's opportunities now
 * @param measuredOver the period whose actual funnel gave the conversions ({@code basis=measured}), else null
 */
public record FunnelTargets(String orgUnit, String period, String process, io.oppflow.funnel.OwnerAt ownerAt,
    String basis, String measuredOver, BigDecimal revenue, BigDecimal averageDealSize, long dealsToWin, List<StageNeed> stages, List<RepTarget> perRep) {

  /** needed = opportunities that must enter the stage; conversion = the stage's assumed conversion. */
  public record StageNeed(String stage, Message name, BigDecimal conversion, long needed) {}

  public record RepTarget(String owner, long dealsToWin, List<StageNeed> stages) {}
}
