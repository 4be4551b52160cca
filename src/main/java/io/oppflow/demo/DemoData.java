package io.oppflow.demo;

import java.util.concurrent.CompletableFuture;

/** The demo data generation of this start: done (with what was made) or skipped, or still running. */
public interface DemoData {

  /** Completes when the generation has ended (or was skipped because opportunities exist). */
  CompletableFuture<DemoDataReport> done();

  /** What the generator made; {@code skipped} when the database already held opportunities. */
  record DemoDataReport(boolean skipped, int opportunities, int won, int lost, int exceptions, int bypasses,
      int stalledTimers, int failedSteps, long millis) {}
}
