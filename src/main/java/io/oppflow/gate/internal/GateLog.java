package io.oppflow.gate.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only writer of gate records. A record is stored unsealed in the caller's transaction, without any lock
 * shared with other transactions; once that transaction has committed, {@link GateLogSealing} chains it onto the
 * log in commit order and the caller waits for that (a few milliseconds), so who reads after an advance sees
 * its record sealed. A rolled-back record was never sealed and leaves no gap.
 */
@Component
public class GateLog {

  private final GateRecordRepository records;
  private final GateLogSealing sealing;

  GateLog(GateRecordRepository records, GateLogSealing sealing) {
    this.records = records;
    this.sealing = sealing;
  }

  /** Stores {@code record}; it is sealed after the caller's transaction commits. */
  @Transactional(propagation = Propagation.MANDATORY)
  public GateRecord append(GateRecord record) {
    GateRecord saved = records.save(record);
    sealAfterCommit();
    return saved;
  }

  private void sealAfterCommit() {
    for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof SealAfterCommit) {
        return;
      }
    }
    TransactionSynchronizationManager.registerSynchronization(new SealAfterCommit(sealing));
  }

  /** Once per transaction, however many records it appended. */
  private record SealAfterCommit(GateLogSealing sealing) implements TransactionSynchronization {
    @Override
    public void afterCommit() {
      sealing.sealNow();
    }
  }

  /** Gate times are kept to the millisecond, the precision of Camunda's history they are compared with. */
  static Instant timeOf(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS);
  }
}
