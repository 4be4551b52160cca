package io.oppflow.importing.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An import runs in memory on the node that accepted it, which writes the job's heartbeat at every batch
 * (a batch takes seconds). If that node stops half-way nothing would ever finish the job, and it would show
 * RUNNING forever. So every node, at start-up and then every minute, marks FAILED the jobs still RUNNING
 * whose heartbeat is older than {@code oppflow.import.stale-after} (default 2 minutes), with the reason; the
 * rows imported so far stay imported, and importing the file again skips them. A job another node is still
 * running keeps beating, so no node fails it.
 */
@Component
public class InterruptedImports {

  static final String REASON = "已中断：执行此导入的节点在完成前停止；已导入的行保留，再次导入该文件即可导入其余的行（已导入的行会跳过）。 / "
      + "Interrupted: the node running this import stopped before it finished; the rows"
      + " imported so far are kept, import the file again to import the rest (rows already imported are skipped).";

  private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

  private final ImportJobs jobs;
  private final Clock clock;
  private final Duration staleAfter;

  InterruptedImports(ImportJobs jobs, Clock clock, @Value("${oppflow.import.stale-after:2m}") Duration staleAfter) {
    this.jobs = jobs;
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    failJobsGoneQuiet();
  }

  @Scheduled(fixedDelayString = "${oppflow.import.sweep-interval:60s}", initialDelayString = "${oppflow.import.sweep-interval:60s}")
  void failJobsGoneQuiet() {
    int failed = jobs.failRunningQuietSince(clock.instant().minus(staleAfter), REASON, clock.instant());
    if (failed > 0) {
      log.warn("{} import job(s) were RUNNING without a heartbeat for {} and are now FAILED", failed, staleAfter);
    }
  }
}
