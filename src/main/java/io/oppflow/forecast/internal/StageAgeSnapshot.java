package io.oppflow.forecast.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One past period start the stage-age method learns from: the opportunities open at {@code start} (with what became
 * of them) and the amount won in [start, end) by every opportunity of the scope.
 */
record StageAgeSnapshot(OffsetDateTime start, OffsetDateTime end, List<OpenDeal> open, BigDecimal wonInPeriod) {

  boolean wonWithin(OpenDeal deal) {
    return deal.wonAt() != null && !deal.wonAt().isBefore(start) && deal.wonAt().isBefore(end);
  }
}
