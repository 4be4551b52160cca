package io.oppflow.forecast.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gathers what the stage-age method learns from: the past starts {@code start − k × L} (k = 1, 2, …; L the period's
 * length) that lie in the window before {@code start}, after the scope's history began, and whose period of length L
 * had ended by {@code knownUntil}, so every outcome it counts was known then.
 */
@Component
class StageAgeLearner {

  private final ForecastData data;

  StageAgeLearner(ForecastData data) {
    this.data = data;
  }

  /** A memo of snapshots for one request: a back-test's periods share most of theirs. */
  Memo memo(ForecastScope scope) {
    return new Memo(scope, data.historyStart(scope));
  }

  StageAgeModel learn(Memo memo, OffsetDateTime start, int periodMonths, int windowMonths, OffsetDateTime knownUntil) {
    List<StageAgeSnapshot> snapshots = new ArrayList<>();
    OffsetDateTime earliest = start.minusMonths(windowMonths);
    for (int k = 1; !start.minusMonths((long) k * periodMonths).isBefore(earliest); k++) {
      OffsetDateTime t = start.minusMonths((long) k * periodMonths);
      OffsetDateTime end = t.plusMonths(periodMonths);
      boolean observed = memo.historyStart.isPresent() && !t.isBefore(memo.historyStart.get());
      if (observed && !end.isAfter(knownUntil)) {
        snapshots.add(memo.snapshot(t, end));
      }
    }
    return StageAgeModel.learn(snapshots);
  }

  /** The pipeline at an instant, from the same memo. */
  List<OpenDeal> openAt(Memo memo, OffsetDateTime at) {
    return memo.open(at);
  }

  /** Snapshots and pipelines already read in this request, by instant. */
  final class Memo {
    private final ForecastScope scope;
    private final Optional<OffsetDateTime> historyStart;
    private final Map<OffsetDateTime, List<OpenDeal>> open = new HashMap<>();
    private final Map<String, StageAgeSnapshot> snapshots = new HashMap<>();

    private Memo(ForecastScope scope, Optional<OffsetDateTime> historyStart) {
      this.scope = scope;
      this.historyStart = historyStart;
    }

    Optional<OffsetDateTime> historyStart() {
      return historyStart;
    }

    private List<OpenDeal> open(OffsetDateTime at) {
      return open.computeIfAbsent(at, t -> data.openDealsAt(scope, t));
    }

    private StageAgeSnapshot snapshot(OffsetDateTime t, OffsetDateTime end) {
      return snapshots.computeIfAbsent(t + "/" + end,
          k -> new StageAgeSnapshot(t, end, open(t), data.wonBetween(scope, t, end)));
    }
  }
}
