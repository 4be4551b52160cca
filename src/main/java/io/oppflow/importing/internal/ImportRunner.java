package io.oppflow.importing.internal;

import io.oppflow.importing.ImportJobView;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.importing.ImportJobView.ImportStatus;
import io.oppflow.importing.ImportJobView.RowError;
import io.oppflow.opportunity.OpportunityService;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs import jobs in the background on its own small executor (not the application's, so a large
 * import never starves other background work): parse every row, reject the bad ones by line, import
 * the good ones in batches, record the progress after each batch.
 */
@Component
public class ImportRunner {

  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  /**
   * The stall reviews an import's history makes due at once wait for its rows (they would run between them, on the
   * same cores) and are released when the rows are in; should that release never come (the node stopped), they come
   * this long after the import started.
   */
  private static final Duration REVIEWS_HELD_AT_MOST = Duration.ofHours(1);

  private final ImportJobs jobs;
  private final ImportBatch batch;
  private final OpportunityService opportunities;
  private final Clock clock;
  private final int batchSize;
  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
  private final ThreadPoolTaskExecutor batches = new ThreadPoolTaskExecutor();

  ImportRunner(ImportJobs jobs, ImportBatch batch, OpportunityService opportunities, Clock clock,
      @Value("${oppflow.import.batch-size:200}") int batchSize,
      @Value("${oppflow.import.parallel-batches:3}") int parallelBatches) {
    this.jobs = jobs;
    this.batch = batch;
    this.opportunities = opportunities;
    this.clock = clock;
    this.batchSize = batchSize;
    executor.setCorePoolSize(2);
    executor.setMaxPoolSize(2);
    executor.setThreadNamePrefix("import-");
    executor.initialize();
    batches.setCorePoolSize(parallelBatches);
    batches.setMaxPoolSize(parallelBatches);
    batches.setThreadNamePrefix("import-batch-");
    batches.initialize();
  }

  void submit(String jobId, ImportColumns columns, List<CsvReader.CsvRecord> records, String processKey,
      List<StageDefinition> stages) {
    executor.execute(() -> run(jobId, columns, records, processKey, stages));
  }

  private void run(String jobId, ImportColumns columns, List<CsvReader.CsvRecord> records, String processKey,
      List<StageDefinition> stages) {
    try {
      jobs.total(jobId, records.size(), clock.instant());
      RowParser parser = new RowParser(columns, processKey, stages, clock.getZone(), LocalDate.now(clock));
      List<ImportRow> accepted = new ArrayList<>();
      List<RowError> rejected = new ArrayList<>();
      Map<String, Integer> firstLineOfCode = new HashMap<>();
      for (CsvReader.CsvRecord record : records) {
        ImportRow row = parser.parse(record);
        if (row.isAccepted()) {
          row = checked(row, firstLineOfCode);
        }
        if (row.isAccepted()) {
          accepted.add(row);
        } else {
          rejected.add(new RowError(row.line(), row.rejection()));
        }
      }
      jobs.progress(jobId, 0, 0, rejected, clock.instant());
      Instant reviewsHeldUntil = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(REVIEWS_HELD_AT_MOST);
      try {
        importBatches(jobId, accepted, reviewsHeldUntil);
        jobs.finish(jobId, ImportStatus.DONE, null, clock.instant());
      } finally {
        int released = opportunities.releaseHeldReviews(reviewsHeldUntil);
        log.info("Import job {}: {} stall reviews due from its history released", jobId, released);
      }
    } catch (RuntimeException e) {
      log.error("Import job {} failed", jobId, e);
      jobs.finish(jobId, ImportStatus.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
          clock.instant());
    }
  }

  /** Rows are independent once duplicate codes are gone, so batches may run side by side. */
  private void importBatches(String jobId, List<ImportRow> accepted, Instant reviewsHeldUntil) {
    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
    for (int from = 0; from < accepted.size(); from += batchSize) {
      List<ImportRow> rows = accepted.subList(from, Math.min(from + batchSize, accepted.size()));
      running.add(batches.submit(() -> {
        ImportBatch.Result done = batch.run(rows, reviewsHeldUntil);
        jobs.progress(jobId, done.imported(), done.skipped(), done.rejected(), clock.instant());
      }));
    }
    for (java.util.concurrent.Future<?> f : running) {
      awaitBatch(f);
    }
  }

  private static void awaitBatch(java.util.concurrent.Future<?> batch) {
    try {
      batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }

  /** The domain's own checks, and a code given twice in one file: the first one wins. */
  private ImportRow checked(ImportRow row, Map<String, Integer> firstLineOfCode) {
    try {
      opportunities.checkImport(row.opportunity());
    } catch (io.oppflow.shared.InvalidRequestException e) {
      return ImportRow.rejected(row.line(), e.errors().stream().map(f -> f.field() + ": " + f.message())
          .reduce((a, b) -> a + "; " + b).orElse("invalid"));
    }
    Integer first = firstLineOfCode.putIfAbsent(row.opportunity().code(), row.line());
    return first == null ? row : ImportRow.rejected(row.line(),
        "code: " + row.opportunity().code() + " 已在第 " + first + " 行出现 / " + row.opportunity().code()
            + " appears already on line " + first);
  }

  @PreDestroy
  void stop() {
    executor.shutdown();
    batches.shutdown();
  }
}
