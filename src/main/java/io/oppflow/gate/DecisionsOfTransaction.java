package io.oppflow.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The gate decisions recorded in the current transaction, kept beside it, so a use case that drove the process
 * learns what the gate it caused decided without reading the record back. Forgotten when the transaction ends.
 */
final class DecisionsOfTransaction {

  private record Made(String opportunityCode, String stage, GateDecision decision) {}

  private static final Object KEY = DecisionsOfTransaction.class;

  private DecisionsOfTransaction() {}

  static void add(String opportunityCode, GateDecision decision) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    made().add(new Made(opportunityCode, decision.verdict().stage(), decision));
  }

  /** The last decision of this transaction for the gate that leaves {@code stage}, if it made one. */
  static Optional<GateDecision> last(String opportunityCode, String stage) {
    if (!TransactionSynchronizationManager.hasResource(KEY)) {
      return Optional.empty();
    }
    List<Made> made = made();
    for (int i = made.size() - 1; i >= 0; i--) {
      Made m = made.get(i);
      if (m.opportunityCode().equals(opportunityCode) && m.stage().equals(stage)) {
        return Optional.of(m.decision());
      }
    }
    return Optional.empty();
  }

  /** Forgets this transaction's decisions for the opportunity: a record was appended that is not one of them. */
  static void forget(String opportunityCode) {
    if (TransactionSynchronizationManager.hasResource(KEY)) {
      made().removeIf(m -> m.opportunityCode().equals(opportunityCode));
    }
  }

  /** The last decision of this transaction for the opportunity, whichever stage it was for. */
  static Optional<GateDecision> latest(String opportunityCode) {
    if (!TransactionSynchronizationManager.hasResource(KEY)) {
      return Optional.empty();
    }
    List<Made> made = made();
    for (int i = made.size() - 1; i >= 0; i--) {
      if (made.get(i).opportunityCode().equals(opportunityCode)) {
        return Optional.of(made.get(i).decision());
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static List<Made> made() {
    List<Made> made = (List<Made>) TransactionSynchronizationManager.getResource(KEY);
    if (made == null) {
      List<Made> fresh = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(KEY, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
      made = fresh;
    }
    return made;
  }
}
