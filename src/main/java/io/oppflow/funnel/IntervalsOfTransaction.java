package io.oppflow.funnel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stage intervals the current transaction opened and has not closed, kept beside it: the stage's first task,
 * created in the same command, learns when its stage was entered without reading the row back. Forgotten when the
 * transaction ends.
 */
final class IntervalsOfTransaction {

  private record Opened(String activityInstanceId, String processInstanceId, String stage, Instant enteredAt) {}

  private static final Object KEY = IntervalsOfTransaction.class;

  private IntervalsOfTransaction() {}

  static void opened(String activityInstanceId, String processInstanceId, String stage, Instant enteredAt) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      opened().add(new Opened(activityInstanceId, processInstanceId, stage, enteredAt));
    }
  }

  static void closed(String activityInstanceId) {
    if (TransactionSynchronizationManager.hasResource(KEY)) {
      opened().removeIf(o -> o.activityInstanceId().equals(activityInstanceId));
    }
  }

  /** When the last interval this transaction opened for the instance's stage, still open, was entered. */
  static Optional<Instant> enteredAt(String processInstanceId, String stage) {
    if (!TransactionSynchronizationManager.hasResource(KEY)) {
      return Optional.empty();
    }
    List<Opened> opened = opened();
    for (int i = opened.size() - 1; i >= 0; i--) {
      Opened o = opened.get(i);
      if (o.processInstanceId().equals(processInstanceId) && o.stage().equals(stage)) {
        return Optional.of(o.enteredAt());
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static List<Opened> opened() {
    List<Opened> opened = (List<Opened>) TransactionSynchronizationManager.getResource(KEY);
    if (opened == null) {
      List<Opened> fresh = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(KEY, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
      opened = fresh;
    }
    return opened;
  }
}
