package io.oppflow.process.adapter;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The service's clock is the engine's: Camunda's {@link ClockUtil}, which is the system clock unless someone
 * moved it (only the demo data generator does, at the demo profile's first start, before the service takes
 * requests, and resets it afterwards). So history, stage intervals, gate records and exceptions always carry one
 * time. Unmoved, the reading is the system clock's own (finer than the engine's milliseconds).
 */
@Component
class EngineClock extends Clock {

  private final Clock system;

  EngineClock() {
    this(Clock.systemDefaultZone());
  }

  private EngineClock(Clock system) {
    this.system = system;
  }

  @Override
  public Instant instant() {
    Instant system = this.system.instant();
    long engine = ClockUtil.now().getTime();
    // the engine's clock reads the system's, in milliseconds, unless moved: then it is anywhere else
    return Math.abs(engine - system.toEpochMilli()) <= 1 ? system : Instant.ofEpochMilli(engine);
  }

  @Override
  public long millis() {
    return instant().toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return system.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(system.withZone(zone));
  }
}
