package io.oppflow.gate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.oppflow.shared.TransactionBound;

/**
 * The gate decisions recorded in the current transaction, kept beside it, so a use case that drove the process
 * learns what the gate it caused decided without reading the record back; and the opportunities opened in it, which
 * have no record but this transaction's. Forgotten when the transaction ends.
 */
final class DecisionsOfTransaction {

  private record Made(String opportunityCode, String stage, GateDecision decision) {}

  private record State(List<Made> made, Set<String> opened) {}

  private static final Object KEY = DecisionsOfTransaction.class;

  private DecisionsOfTransaction() {}

  static void add(String opportunityCode, GateDecision decision) {
    if (!TransactionBound.active()) {
      return;
    }
    made().add(new Made(opportunityCode, decision.verdict().stage(), decision));
  }

  /** The opportunity was opened in this transaction: no gate record of it exists but those this transaction adds. */
  static void opened(String opportunityCode) {
    if (TransactionBound.active()) {
      state().opened().add(opportunityCode);
    }
  }

  /** Whether every gate record of the opportunity is one of this transaction's decisions (it was opened in it). */
  static boolean knowsAllOf(String opportunityCode) {
    return TransactionBound.ifKept(KEY).isPresent() && state().opened().contains(opportunityCode);
  }

  /** The last decision of this transaction for the gate that leaves {@code stage}, if it made one. */
  static Optional<GateDecision> last(String opportunityCode, String stage) {
    if (!TransactionBound.ifKept(KEY).isPresent()) {
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
    if (TransactionBound.ifKept(KEY).isPresent()) {
      made().removeIf(m -> m.opportunityCode().equals(opportunityCode));
      state().opened().remove(opportunityCode);
    }
  }

  /** The last decision of this transaction for the opportunity, whichever stage it was for. */
  static Optional<GateDecision> latest(String opportunityCode) {
    if (!TransactionBound.ifKept(KEY).isPresent()) {
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

  private static List<Made> made() {
    return state().made();
  }

  private static State state() {
    return TransactionBound.kept(KEY, () -> new State(new ArrayList<>(), new HashSet<>()));
  }
}
