package io.oppflow.gate.internal;

import io.oppflow.gate.ChainVerification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the sealed gate records' hash chain in chain order, streaming, and counts the records not sealed
 * yet. One snapshot (repeatable read) for the records, the head and the pending ones, so a seal committing during
 * the walk cannot look like records removed from the end.
 */
@Component
public class GateChainWalk {

  private static final int FETCH_SIZE = 500;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration overdueAfter;

  @Autowired
  GateChainWalk(JdbcTemplate jdbc, Clock clock, GateLogProperties properties) {
    this(jdbc, clock, properties.overdueAfter());
  }

  public GateChainWalk(JdbcTemplate jdbc, Clock clock, Duration overdueAfter) {
    this.jdbc = new JdbcTemplate(jdbc.getDataSource());
    this.jdbc.setFetchSize(FETCH_SIZE);
    this.clock = clock;
    this.overdueAfter = overdueAfter;
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ChainVerification walk() {
    long started = System.nanoTime();
    Walk walk = new Walk();
    jdbc.query("select id, seq, prev_hash, hash, " + GateRecordColumns.HASHED
        + " from gate_record where seq is not null order by seq", (RowCallbackHandler) walk::next);
    if (walk.broken == null) {
      Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from gate_log_head where id = 1");
      long headSeq = ((Number) head.get("last_seq")).longValue();
      if (headSeq != walk.lastSeq || !walk.lastHash.equals(head.get("last_hash"))) {
        walk.broken = new ChainVerification.Broken(null, headSeq, "the log ends at seq " + walk.lastSeq
            + " but its head records seq " + headSeq + (walk.lastSeq > headSeq
                ? ": records were appended without moving the head"
                : ": records were removed from the end, or the head was changed"));
      }
    }
    ChainVerification.Pending pending = pending();
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new ChainVerification(walk.broken == null, walk.checked, walk.broken, walk.lastHash, millis, pending);
  }

  private ChainVerification.Pending pending() {
    Map<String, Object> p = jdbc.queryForMap("select count(*) as n, min(id) as oldest from gate_record where seq is null");
    long count = ((Number) p.get("n")).longValue();
    if (count == 0) {
      return ChainVerification.Pending.NONE;
    }
    long oldest = ((Number) p.get("oldest")).longValue();
    Instant at = jdbc.queryForObject("select evaluated_at from gate_record where id = ?", Timestamp.class, oldest).toInstant();
    Duration age = Duration.between(at, clock.instant());
    return new ChainVerification.Pending(count, oldest, at, Math.max(0, age.toSeconds()), age.compareTo(overdueAfter) > 0);
  }

  private static final class Walk {
    long checked;
    long lastSeq;
    String lastHash = GateRecordDigest.GENESIS;
    ChainVerification.Broken broken;

    void next(ResultSet rs) throws SQLException {
      if (broken != null) {
        return;
      }
      checked++;
      long id = rs.getLong("id");
      long seq = rs.getLong("seq");
      if (seq != lastSeq + 1) {
        broken = new ChainVerification.Broken(id, seq, seq > lastSeq + 1
            ? "seq " + (lastSeq + 1) + (seq - lastSeq > 2 ? " to " + (seq - 1) : "") + " missing before this record: records were removed"
            : "seq " + seq + " appears twice: a record was inserted");
        return;
      }
      String prevHash = rs.getString("prev_hash");
      if (!lastHash.equals(prevHash)) {
        broken = new ChainVerification.Broken(id, seq, "does not follow the record before it (its previous hash differs):"
            + " the record before it was replaced, or this one was inserted");
        return;
      }
      String hash = GateRecordDigest.hash(GateRecordColumns.content(rs, seq, prevHash));
      String stored = rs.getString("hash");
      if (!hash.equals(stored)) {
        broken = new ChainVerification.Broken(id, seq, "content changed: the record no longer matches its hash");
        return;
      }
      lastSeq = seq;
      lastHash = stored;
    }
  }
}
