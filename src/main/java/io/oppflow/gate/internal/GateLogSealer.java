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
 * transaction: lock the head, read what is pending, give each record its seq, the previous hash and its own
 * hash, move the head, commit. The head lock is held for those few statements only, never for a gate's
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
    Pass pass;
    do {
      pass = ownTransaction.execute(status -> sealOnePass());
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

  private Pass sealOnePass() {
    Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from gate_log_head where id = 1 for update");
    long lockedAt = System.nanoTime();
    long seq = ((Number) head.get("last_seq")).longValue();
    String prev = (String) head.get("last_hash");
    List<Seal> seals = new ArrayList<>();
    // read committed: this statement starts after the lock was granted, so it sees every record committed
    // before, including those the sealer that held the lock before this one has just sealed
    for (Map.Entry<Long, GateRecordDigest.Content> pending : read()) {
      seq++;
      String hash = GateRecordDigest.hash(pending.getValue().placedAt(seq, prev));
      seals.add(new Seal(pending.getKey(), seq, prev, hash));
      prev = hash;
    }
    if (seals.isEmpty()) {
      return new Pass(0, lockedAt, System.nanoTime());
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
        if (n != 1 && n >= 0) {
          throw new IllegalStateException("A gate record was sealed by someone else while this sealer held the head");
        }
      }
    }
    jdbc.update("update gate_log_head set last_seq = ?, last_hash = ? where id = 1", seq, prev);
    return new Pass(seals.size(), lockedAt, System.nanoTime());
  }

  /** The pending records' content by id, in id order, not placed yet. */
  private List<Map.Entry<Long, GateRecordDigest.Content>> read() {
    return jdbc.query(PENDING, (rs, i) -> Map.entry(rs.getLong("id"), GateRecordColumns.content(rs, 0, null)));
  }
}
