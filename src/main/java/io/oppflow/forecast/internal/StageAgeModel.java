package io.oppflow.forecast.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stage-age method learned from past period starts: per (stage, days in stage) how many opportunities were
 * open at a start and how many of them were won before the period ended (and for how much), and the mean amount won
 * in a period by opportunities that were not in the open pipeline at its start (the run rate), per start, so the run
 * rate can be the mean over all of them or over those of the same season. Free of I/O.
 */
final class StageAgeModel {

  private final int snapshots;
  private final Map<String, Map<AgeBucket, Evidence>> cells = new HashMap<>();
  private final Map<String, Evidence> stages = new HashMap<>();
  private final Evidence all = new Evidence();
  private final List<StartRunRate> runRates = new ArrayList<>();

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
      model.runRates.add(new StartRunRate(s.start(), s.wonInPeriod().subtract(pipelineWon)));
    }
    return model;
  }

  int snapshots() {
    return snapshots;
  }

  /** The run rate as stage-age learns it: the mean over every learned start (0 with nothing learned). */
  RunRate allStarts() {
    return RunRate.meanOf(runRates, RunRate.ALL_STARTS, false);
  }

  /**
   * The run rate learned from the same season as the period starting at {@code start}: the mean over the learned
   * starts a whole number of years before it; if there is none (the window or the history is shorter than a year),
   * the mean over all learned starts, saying it fell back.
   */
  RunRate sameSeasonAs(OffsetDateTime start) {
    List<StartRunRate> sameSeason = runRates.stream().filter(r -> wholeYearsBefore(r.start(), start)).toList();
    return sameSeason.isEmpty() ? RunRate.meanOf(runRates, RunRate.ALL_STARTS, true)
        : RunRate.meanOf(sameSeason, RunRate.SAME_SEASON, false);
  }

  private static boolean wholeYearsBefore(OffsetDateTime past, OffsetDateTime start) {
    for (OffsetDateTime t = start.minusYears(1); !t.isBefore(past); t = t.minusYears(1)) {
      if (t.isEqual(past)) {
        return true;
      }
    }
    return false;
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

  /** What one learned start's period won from opportunities not open at the start. */
  record StartRunRate(OffsetDateTime start, BigDecimal amount) {}

  /**
   * A run rate and the starts it is the mean of: {@code learnedFrom} {@code all-starts} or {@code same-season};
   * {@code fellBack} when the same season was asked for but not in the window.
   */
  record RunRate(BigDecimal amount, List<OffsetDateTime> starts, String learnedFrom, boolean fellBack) {
    static final String ALL_STARTS = "all-starts";
    static final String SAME_SEASON = "same-season";

    private static RunRate meanOf(List<StartRunRate> runRates, String learnedFrom, boolean fellBack) {
      BigDecimal sum = runRates.stream().map(StartRunRate::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal mean = runRates.isEmpty() ? BigDecimal.ZERO
          : sum.divide(BigDecimal.valueOf(runRates.size()), 10, RoundingMode.HALF_UP);
      return new RunRate(mean, runRates.stream().map(StartRunRate::start).toList(), learnedFrom, fellBack);
    }
  }

  /** A learned rate with where it came from: {@code history} (the cell), {@code stage} (any age), {@code model} (none). */
  record Rate(Evidence evidence, String source) {}
}
