package io.oppflow.forecast.internal;

/**
 * What became of the opportunities that entered a stage during a window, as known at its end: won,
 * lost, or not yet closed (unresolved, left out of the rate).
 */
public record StageWinRate(String stage, long won, long lost, long unresolved) {

  boolean measured() {
    return won + lost > 0;
  }
}
