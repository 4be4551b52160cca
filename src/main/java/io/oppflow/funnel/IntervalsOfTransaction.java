package io.oppflow.funnel;

import io.oppflow.shared.TransactionBound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    if (TransactionBound.active()) {
      opened().add(new Opened(activityInstanceId, processInstanceId, stage, enteredAt));
    }
  }

  static void closed(String activityInstanceId) {
    TransactionBound.<List<Opened>>ifKept(KEY).ifPresent(opened ->
        opened.removeIf(o -> o.activityInstanceId().equals(activityInstanceId)));
  }

  /** When the last interval this transaction opened for the instance's stage, still open, was entered. */
  static Optional<Instant> enteredAt(String processInstanceId, String stage) {
    List<Opened> opened = TransactionBound.<List<Opened>>ifKept(KEY).orElse(List.of());
    for (int i = opened.size() - 1; i >= 0; i--) {
      Opened o = opened.get(i);
      if (o.processInstanceId().equals(processInstanceId) && o.stage().equals(stage)) {
        return Optional.of(o.enteredAt());
      }
    }
    return Optional.empty();
  }

  private static List<Opened> opened() {
    return TransactionBound.kept(KEY, ArrayList::new);
  }
}
