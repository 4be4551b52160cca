package io.oppflow.funnel.internal;

import io.oppflow.funnel.FunnelEntries;
import io.oppflow.funnel.FunnelOutcomes;
import io.oppflow.funnel.FunnelReport;
import io.oppflow.export.Table;
import java.util.ArrayList;
import java.util.List;

/** The funnel as one flat table: one row per group and stage, the group's totals repeated on each. */
public final class FunnelTables {

  private FunnelTables() {}

  static Table of(FunnelReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (FunnelReport.Group g : report.groups()) {
      for (FunnelReport.Stage s : g.stages()) {
        rows.add(java.util.Arrays.asList(g.key(), s.stage(), s.name().zh(), s.name().en(), s.entered(), s.advanced(),
            s.lost(), s.left(), s.open(), s.conversionRate(), s.avgDwellDays(), s.medianDwellDays(), s.p90DwellDays(),
            report.shape().slope().get(s.stage()), g.won(), g.lost(), g.open(), g.winRate(), g.avgCycleDaysWon(),
            g.weightedPipeline()));
      }
    }
    return new Table("funnel", List.of("group", "stage", "stageNameZh", "stageNameEn", "entered", "advanced", "lost",
        "left", "open", "conversionRate", "avgDwellDays", "medianDwellDays", "p90DwellDays", "slope", "groupWon",
        "groupLost", "groupOpen", "groupWinRate", "groupAvgCycleDaysWon", "groupWeightedPipeline"), rows)
        .withColumn("process", report.process()).withColumn("ownerAt", report.ownerAt().apiName());
  }

  static Table of(FunnelEntries entries) {
    List<List<Object>> rows = entries.content().stream().map(e -> java.util.Arrays.<Object>asList(e.code(), e.name(),
        e.customer(), e.owner(), e.orgUnit(), e.stage(), e.enteredAt(), e.leftAt(), e.outcome(), e.status(),
        e.currentStage(), e.amount(), e.currency())).toList();
    return new Table("funnel-entries", List.of("code", "name", "customer", "owner", "orgUnit", "stage", "enteredAt",
        "leftAt", "outcome", "status", "currentStage", "amount", "currency"), rows).withColumn("process", entries.process())
        .withColumn("ownerAt", entries.ownerAt().apiName());
  }

  static Table of(FunnelOutcomes outcomes) {
    List<List<Object>> rows = outcomes.content().stream().map(o -> java.util.Arrays.<Object>asList(o.code(), o.name(),
        o.customer(), o.owner(), o.orgUnit(), o.stage(), o.status(), o.amount(), o.currency(), o.expectedCloseDate(),
        o.createdAt(), o.closedAt())).toList();
    return new Table("funnel-outcomes", List.of("code", "name", "customer", "owner", "orgUnit", "stage", "status",
        "amount", "currency", "expectedCloseDate", "createdAt", "closedAt"), rows).withColumn("process", outcomes.process());
  }
}
