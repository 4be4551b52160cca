package io.oppflow.forecast.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stage-age method learned from past period starts: per (stage, days in stage) how many opportunities were
 * open at a start and how many of them were won before the period ended (and for how much), and the mean amount won
 * in a period by opportunities that were not in the open pipeline at its start (the run rate). Free of I/O.
 */
final class StageAgeModel {

  private final int snapshots;
  private final Map<String, Map<AgeBucket, Evidence>> cells = new HashMap<>();
  private final Map<String, Evidence> stages = new HashMap<>();
  private final Evidence all = new Evidence();
  private BigDecimal runRateSum = BigDecimal.ZERO;

  private StageAgeModel(int snapshots) {
    this.snapshots = snapshots;
  }

  static StageAgeModel learn(List<StageAgeSnapshot> snapshots) {
    StageAgeModel model = new StageAgeModel(snapshots.size());
    for (StageAgeSnapshot s : snapshots) {
      BigDecimal pipelineWon = BigDecimal.ZERO;
      for (OpenDeal d : s.open()) {
        boolean won = s.wonWithin(d);
        AgeBucket bucket = AgeBucket.of(d.stageEnteredAt(), s.start());
        model.cells.computeIfAbsent(d.stage(), k -> new EnumMap<>(AgeBucket.class))
            .computeIfAbsent(bucket, k -> new Evidence()).add(won, d.amount());
        model.stages.computeIfAbsent(d.stage(), k -> new Evidence()).add(won, d.amount());
        model.all.add(won, d.amount());
        if (won && d.amount() != null) {
          pipelineWon = pipelineWon.add(d.amount());
        }
      }
      // Everything won in the period that the open pipeline at its start did not hold: new deals, mostly.
      model.runRateSum = model.runRateSum.add(s.wonInPeriod().subtract(pipelineWon));
    }
    return model;
  }

  int snapshots() {
    return snapshots;
  }

  /** The mean run rate per period; 0 with nothing learned. */
  BigDecimal runRate() {
    return snapshots == 0 ? BigDecimal.ZERO : runRateSum.divide(BigDecimal.valueOf(snapshots), 10, RoundingMode.HALF_UP);
  }

  /**
   * The evidence for a deal in {@code stage} for {@code bucket}: of that cell if any deal was seen there, else of the
   * stage at any age, else none ({@code level} says which).
   */
  Rate rateOf(String stage, AgeBucket bucket) {
    Evidence cell = cells.getOrDefault(stage, Map.of()).get(bucket);
    if (cell != null && cell.open > 0) {
      return new Rate(cell, "history");
    }
    Evidence pooled = stages.get(stage);
    if (pooled != null && pooled.open > 0) {
      return new Rate(pooled, "stage");
    }
    return new Rate(null, "model");
  }

  /** The stage's rate at any age, or null if no deal was seen in it. */
  Evidence stage(String stage) {
    Evidence e = stages.get(stage);
    return e == null || e.open == 0 ? null : e;
  }

  /** The mean amount of the opportunities won within a period, over every stage and age (0 if none). */
  BigDecimal meanWonAmount() {
    return all.meanWonAmount();
  }

  /** The opportunities open at past starts in a cell (stage, age), how many were won within the period, for how much. */
  static final class Evidence {
    long open;
    long won;
    long wonWithAmount;
    BigDecimal wonAmount = BigDecimal.ZERO;

    private void add(boolean wasWon, BigDecimal amount) {
      open++;
      if (wasWon) {
        won++;
        if (amount != null) {
          wonWithAmount++;
          wonAmount = wonAmount.add(amount);
        }
      }
    }

    BigDecimal meanWonAmount() {
      return wonWithAmount == 0 ? BigDecimal.ZERO
          : wonAmount.divide(BigDecimal.valueOf(wonWithAmount), 10, RoundingMode.HALF_UP);
    }
  }

  /** A learned rate with where it came from: {@code history} (the cell), {@code stage} (any age), {@code model} (none). */
  record Rate(Evidence evidence, String source) {}
}
