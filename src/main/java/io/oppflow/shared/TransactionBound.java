package io.oppflow.shared;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a module keeps beside the current transaction (what it wrote there, so a later step of the same command need
 * not read it back), forgotten when the transaction ends.
 */
public final class TransactionBound {

  private TransactionBound() {}

  /** Whether a transaction with synchronization is active, so something can be kept beside it. */
  public static boolean active() {
    return TransactionSynchronizationManager.isSynchronizationActive();
  }

  /** What is kept under {@code key} beside the current transaction, if anything is. */
  @SuppressWarnings("unchecked")
  public static <T> Optional<T> ifKept(Object key) {
    return Optional.ofNullable((T) TransactionSynchronizationManager.getResource(key));
  }

  /** What is kept under {@code key}, made by {@code fresh} on first use and forgotten when the transaction ends. */
  public static <T> T kept(Object key, Supplier<T> fresh) {
    Optional<T> kept = ifKept(key);
    if (kept.isPresent()) {
      return kept.get();
    }
    T made = fresh.get();
    TransactionSynchronizationManager.bindResource(key, made);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
      }
    });
    return made;
  }
}
