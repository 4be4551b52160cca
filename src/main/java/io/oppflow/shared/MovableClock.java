package io.oppflow.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's clock: the system clock, except on a thread that moved it (the demo data generator, which
 * replays a year of selling through the real services). The moved time is seen by that thread only and
 * stands still until moved again; {@link #reset()} returns the thread to the system clock.
 */
public final class MovableClock extends Clock {

  private final Clock system;
  private final ThreadLocal<Instant> moved;

  public MovableClock(Clock system) {
    this(system, new ThreadLocal<>());
  }

  private MovableClock(Clock system, ThreadLocal<Instant> moved) {
    this.system = system;
    this.moved = moved;
  }

  /** From now on this thread reads {@code at}, until moved again or reset. */
  public void moveTo(Instant at) {
    moved.set(at);
  }

  /** This thread reads the system clock again. */
  public void reset() {
    moved.remove();
  }

  @Override
  public Instant instant() {
    Instant at = moved.get();
    return at != null ? at : system.instant();
  }

  @Override
  public ZoneId getZone() {
    return system.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MovableClock(system.withZone(zone), moved);
  }
}
