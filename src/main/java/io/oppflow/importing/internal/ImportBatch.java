package io.oppflow.importing.internal;

import io.oppflow.importing.ImportJobView;
import io.oppflow.funnel.StageIntervals;
import io.oppflow.importing.ImportJobView.RowError;
import io.oppflow.opportunity.ImportedOpportunity;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.opportunity.OpportunityStatus;
import io.oppflow.funnel.StageIntervals.ImportedInterval;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a batch of accepted rows in one transaction: the closed ones together in batched inserts, the open ones
 * one by one (each starts its stage process), their processes written to the engine together. If any of them fails in the database, the batch
 * is rolled back and its rows are tried again one transaction each, so one bad row costs only itself.
 */
@Component
public class ImportBatch {

  private static final Logger log = LoggerFactory.getLogger(ImportBatch.class);

  /** What a batch did. */
  record Result(int imported, int skipped, List<RowError> rejected) {}

  private final OpportunityService opportunities;
  private final StageIntervals intervals;
  private final TransactionTemplate transactions;
  private final EntityManager entityManager;

  ImportBatch(OpportunityService opportunities, StageIntervals intervals, TransactionTemplate transactions,
      EntityManager entityManager) {
    this.entityManager = entityManager;
    this.opportunities = opportunities;
    this.intervals = intervals;
    this.transactions = transactions;
  }

  /**
   * @param dueReviewsHeldUntil when the stall reviews due at once of its open rows come at the latest (the import
   *     releases them once all its rows are in)
   */
  Result run(List<ImportRow> rows, Instant dueReviewsHeldUntil) {
    try {
      return transactions.execute(tx -> {
        int closed = closed(rows.stream().filter(r -> r.opportunity().status() != OpportunityStatus.OPEN).toList());
        List<ImportRow> open = rows.stream().filter(r -> r.opportunity().status() == OpportunityStatus.OPEN).toList();
        int imported = closed + opportunities.recordingTogether(
            () -> (int) open.stream().filter(row -> record(row, dueReviewsHeldUntil)).count());
        return new Result(imported, rows.size() - imported, List.of());
      });
    } catch (RuntimeException batchFailed) {
      log.info("Import batch failed ({}); retrying its {} rows one by one", batchFailed.getMessage(), rows.size());
      return oneByOne(rows, dueReviewsHeldUntil);
    }
  }

  private Result oneByOne(List<ImportRow> rows, Instant dueReviewsHeldUntil) {
    int imported = 0;
    int skipped = 0;
    List<RowError> rejected = new ArrayList<>();
    for (ImportRow row : rows) {
      try {
        if (Boolean.TRUE.equals(transactions.execute(tx -> record(row, dueReviewsHeldUntil)))) {
          imported++;
        } else {
          skipped++;
        }
      } catch (RuntimeException e) {
        rejected.add(new RowError(row.line(), "无法保存 / could not be stored: " + rootMessage(e)));
      }
    }
    return new Result(imported, skipped, rejected);
  }

  /**
   * The won and lost rows of a batch start no process: all of them in a few statements (one look-up of the codes
   * taken already, one batch of opportunity rows, one of interval rows).
   *
   * @return how many were imported; the others existed already
   */
  private int closed(List<ImportRow> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    List<String> recorded = opportunities.recordImportedClosed(rows.stream().map(ImportRow::opportunity).toList());
    Map<String, ImportRow> byCode = new HashMap<>();
    rows.forEach(r -> byCode.put(r.opportunity().code(), r));
    Map<String, Map<String, List<ImportedInterval>>> histories = new LinkedHashMap<>();
    for (String code : recorded) {
      ImportRow row = byCode.get(code);
      histories.computeIfAbsent(row.opportunity().processKey(), k -> new LinkedHashMap<>()).put(code, row.history());
    }
    histories.forEach(intervals::imported);
    return recorded.size();
  }

  /** One row the way every row is imported alone: through the opportunity service, its process started if open. */
  private boolean record(ImportRow row, Instant dueReviewsHeldUntil) {
    ImportedOpportunity o = row.opportunity();
    if (!opportunities.recordImported(o, () -> intervals.imported(o.code(), o.processKey(), row.history()),
        dueReviewsHeldUntil)) {
      return false;
    }
    // Each later query would dirty-check every opportunity of the batch so far (quadratic): let go of them.
    entityManager.flush();
    entityManager.clear();
    return true;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
