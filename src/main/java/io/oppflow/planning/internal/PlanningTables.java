package io.oppflow.planning.internal;

import io.oppflow.export.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The comparison and the targets as flat tables for CSV/XLSX. */
public final class PlanningTables {

  private PlanningTables() {}

  static Table of(FunnelComparison c) {
    List<List<Object>> rows = new ArrayList<>();
    for (FunnelComparison.StageComparison s : c.stages()) {
      boolean weakest = c.weakestStage() != null && c.weakestStage().stage().equals(s.stage());
      rows.add(Arrays.asList(c.orgUnit(), c.period(), s.stage(), s.name().zh(), s.name().en(), s.entered(), s.advanced(),
          s.actualConversion(), s.targetConversion(), s.delta(), weakest ? "yes" : ""));
    }
    return new Table("funnel-comparison", List.of("orgUnit", "period", "stage", "stageNameZh", "stageNameEn", "entered",
        "advanced", "actualConversion", "targetConversion", "delta", "weakest"), rows).withColumn("process", c.process())
        .withColumn("ownerAt", c.ownerAt().apiName());
  }

  static Table of(FunnelTargets t) {
    List<List<Object>> rows = new ArrayList<>();
    for (FunnelTargets.StageNeed s : t.stages()) {
      rows.add(Arrays.asList("(all)", s.stage(), s.name().zh(), s.name().en(), s.conversion(), t.dealsToWin(), s.needed()));
    }
    for (FunnelTargets.RepTarget r : t.perRep()) {
      for (FunnelTargets.StageNeed s : r.stages()) {
        rows.add(Arrays.asList(r.owner(), s.stage(), s.name().zh(), s.name().en(), s.conversion(), r.dealsToWin(), s.needed()));
      }
    }
    return new Table("funnel-targets", List.of("owner", "stage", "stageNameZh", "stageNameEn", "conversion", "dealsToWin",
        "needed"), rows).withColumn("process", t.process())
        .withColumn("ownerAt", t.ownerAt().apiName());
  }
}
