package io.oppflow.demo;

import java.time.Instant;

/** What the demo data generator needs of the process engine beyond the progression use cases. */
public interface DemoEngine {

  /**
   * The engine's clock stands at {@code at}, for every thread: the engine has one clock per JVM, and the
   * service's {@link java.time.Clock} reads it.
   */
  void moveClockTo(Instant at);

  /** The engine's clock (and so the service's) is the system clock again. */
  void resetClock();

  /** Stops the job executor, so that only the generator fires timers; true if it was running. */
  boolean pauseJobs();

  /** Starts the job executor again. */
  void resumeJobs();

  /** Fires the timers due at the engine's current time (the stalled-stage timers); returns how many. */
  int fireDueTimers();

  /**
   * An administrator moves the opportunity's process from one stage to a later one with the engine's
   * process-instance modification, past every gate in between: the bypass the compliance audit reports.
   */
  void bypass(String processInstanceId, String fromStage, String toStage, String adminUserId);
}
