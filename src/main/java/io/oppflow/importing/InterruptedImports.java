package io.oppflow.importing;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An import runs in memory on the node that accepted it; a restart ends it half-way and nothing would ever
 * finish its job, which would show RUNNING forever. At start-up, the jobs still RUNNING that were created
 * before this node started are marked FAILED with the reason (the rows imported so far stay imported, and
 * importing the file again skips them).
 *
 * <p>With several nodes, a restart also fails the jobs another node is still running: imports are rare and
 * short, and re-importing the file is safe.
 */
@Component
class InterruptedImports {

  static final String REASON = "Interrupted by a restart of the service before it finished; the rows imported"
      + " so far are kept, import the file again to import the rest (rows already imported are skipped).";

  private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

  private final ImportJobs jobs;
  private final Clock clock;
  private final Instant nodeStarted;

  InterruptedImports(ImportJobs jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
    this.nodeStarted = clock.instant();
  }

  @EventListener(ApplicationReadyEvent.class)
  void failJobsInterruptedByARestart() {
    int failed = jobs.failRunningCreatedBefore(nodeStarted, REASON, clock.instant());
    if (failed > 0) {
      log.warn("{} import job(s) were still RUNNING from before this start and are now FAILED", failed);
    }
  }
}
