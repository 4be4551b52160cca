package io.oppflow.forecast.internal;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How long an open opportunity has been in its current stage, in whole days, bucketed: a deal that has sat
 * in a stage for half a year is not the deal that entered it last week.
 */
enum AgeBucket {
  DAYS_0_29(0, 30), DAYS_30_59(30, 60), DAYS_60_89(60, 90), DAYS_90_179(90, 180), DAYS_180_OR_MORE(180, null);

  private final int fromDays;
  private final Integer toDays;

  AgeBucket(int fromDays, Integer toDays) {
    this.fromDays = fromDays;
    this.toDays = toDays;
  }

  /** The bucket of a stage entered at {@code enteredAt}, at the instant {@code at} (an entry after it counts as 0 days). */
  static AgeBucket of(OffsetDateTime enteredAt, OffsetDateTime at) {
    long days = Math.max(0, Duration.between(enteredAt, at).toDays());
    for (AgeBucket b : values()) {
      if (b.toDays == null || days < b.toDays) {
        return b;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** As the API names it: {@code 0-29}, …, {@code 180+}. */
  String label() {
    return toDays == null ? fromDays + "+" : fromDays + "-" + (toDays - 1);
  }

  int fromDays() {
    return fromDays;
  }

  /** The first day no longer in the bucket; null for the last, open-ended one. */
  Integer toDays() {
    return toDays;
  }
}
