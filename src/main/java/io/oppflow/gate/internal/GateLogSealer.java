package io.oppflow.gate.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the committed, unsealed gate records onto the log, oldest id first, each pass in its own short
 * transaction: read what is pending, lock the head, give each record its seq, the previous hash and its own
 * hash, update them and the head, commit. The head lock is held for those few statements only, never for a gate's
 * transaction, so every node appends without waiting for any other; sealers on several nodes take turns.
 */
@Component
public class GateLogSealer {

  /** Records sealed per transaction at most, so that sealing a backlog never holds the head for long. */
  static final int BATCH = 200;

  private static final String PENDING = "select id, " + GateRecordColumns.HASHED
      + " from gate_record where seq is null order by id limit " + BATCH;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Timer lockHeld;
  private final Timer lockHeldBeforeCommit;
  private final DistributionSummary sealedPerPass;

  GateLogSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, MeterRegistry metrics) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.lockHeld = Timer.builder("oppflow.audit.seal.lock")
        .description("How long a sealing pass held the gate log's head: from locking it to the commit")
        .publishPercentiles(0.5, 0.99).register(metrics);
    this.lockHeldBeforeCommit = Timer.builder("oppflow.audit.seal.statements")
        .description("How long a sealing pass held the gate log's head before its commit: reading, hashing, updating")
        .publishPercentiles(0.5, 0.99).register(metrics);
    this.sealedPerPass = DistributionSummary.builder("oppflow.audit.seal.records")
        .description("Gate records sealed by one sealing pass").register(metrics);
  }

  /** Whether any committed gate record is not sealed yet: one indexed look-up, no lock. */
  public boolean anyPending() {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "select case when exists (select 1 from gate_record where seq is null) then true else false end", Boolean.class));
  }

  /** Seals every record pending now, in as many passes as it takes; returns how many it sealed. */
  public int sealPending() {
    int total = 0;
    int raced = 0;
    Pass pass;
    do {
      boolean lockFirst = raced > 0;
      try {
        pass = ownTransaction.execute(status -> sealOnePass(lockFirst));
      } catch (SealedMeanwhile e) {
        // Read again, now holding the head: no sealer can seal in between, so this sealer loses at most once.
        // (Reading outside the lock again could lose again and again, as long as other sealers kept winning.)
        if (lockFirst) {
          throw new IllegalStateException("A gate record was sealed by someone who did not hold the gate log's head", e);
        }
        raced++;
        pass = new Pass(BATCH, 0, 0); // rolled back: read again, under the head
        continue;
      }
      if (pass.sealed() > 0) {
        lockHeld.record(System.nanoTime() - pass.lockedAt(), TimeUnit.NANOSECONDS);
        lockHeldBeforeCommit.record(pass.committing() - pass.lockedAt(), TimeUnit.NANOSECONDS);
        sealedPerPass.record(pass.sealed());
      }
      total += pass.sealed();
    } while (pass.sealed() == BATCH);
    return total;
  }

  private record Pass(int sealed, long lockedAt, long committing) {}

  private record Seal(long id, long seq, String prevHash, String hash) {}

  /** Another node's sealer sealed some of the records this pass read before it got the head: roll back, read again. */
  private static final class SealedMeanwhile extends RuntimeException {
    SealedMeanwhile() {
      super("a gate record was sealed by another sealer before this one got the head", null, false, false);
    }
  }

  /**
   * One pass. Normally it reads before taking the head: a record's content never changes (the triggers refuse it),
   * only its seal, and this pass started after the commits it was asked for, so it sees them; inside the lock only
   * the updates run. After losing a race ({@code lockFirst}) it takes the head first and reads under it.
   */
  private Pass sealOnePass(boolean lockFirst) {
    Map<String, Object> head = lockFirst ? lockHead() : null;
    long lockedAt = System.nanoTime();
    List<Map.Entry<Long, GateRecordDigest.Content>> read = read();
    if (read.isEmpty()) {
      long now = System.nanoTime();
      return new Pass(0, now, now);
    }
    if (head == null) {
      head = lockHead();
      lockedAt = System.nanoTime();
    }
    long seq = ((Number) head.get("last_seq")).longValue();
    String prev = (String) head.get("last_hash");
    List<Seal> seals = new ArrayList<>();
    for (Map.Entry<Long, GateRecordDigest.Content> pending : read) {
      seq++;
      String hash = GateRecordDigest.hash(pending.getValue().placedAt(seq, prev));
      seals.add(new Seal(pending.getKey(), seq, prev, hash));
      prev = hash;
    }
    int[][] updated = jdbc.batchUpdate("update gate_record set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null",
        seals, seals.size(), (ps, s) -> {
          ps.setLong(1, s.seq());
          ps.setString(2, s.prevHash());
          ps.setString(3, s.hash());
          ps.setLong(4, s.id());
        });
    for (int[] counts : updated) {
      for (int n : counts) {
        if (n == 0) {
          // read committed: the update saw the other sealer's committed seal after waiting for the head
          throw new SealedMeanwhile();
        }
      }
    }
    jdbc.update("update gate_log_head set last_seq = ?, last_hash = ? where id = 1", seq, prev);
    return new Pass(seals.size(), lockedAt, System.nanoTime());
  }

  private Map<String, Object> lockHead() {
    return jdbc.queryForMap("select last_seq, last_hash from gate_log_head where id = 1 for update");
  }

  /** The pending records' content by id, in id order, not placed yet. */
  private List<Map.Entry<Long, GateRecordDigest.Content>> read() {
    return jdbc.query(PENDING, (rs, i) -> Map.entry(rs.getLong("id"), GateRecordColumns.content(rs, 0, null)));
  }
}
