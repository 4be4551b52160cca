package io.oppflow.gate;

import io.oppflow.gate.internal.GateRecordDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the gate log's hash chain from the stored records, in chain order, streaming: a changed
 * record no longer matches its hash; a removed or inserted one breaks the sequence or the link to the
 * record before it; records removed from the end no longer match the head.
 */
@Service
public class GateLogVerifier {

  private static final int FETCH_SIZE = 500;

  private final JdbcTemplate jdbc;

  GateLogVerifier(JdbcTemplate jdbc) {
    this.jdbc = new JdbcTemplate(jdbc.getDataSource());
    this.jdbc.setFetchSize(FETCH_SIZE);
  }

  @Transactional(readOnly = true)
  public ChainVerification verify() {
    long started = System.nanoTime();
    Walk walk = new Walk();
    jdbc.query("select id, seq, opportunity_code, process_key, process_instance_id, stage, verdict, failures_json,"
        + " warnings_json, rules_version, facts_json, requested_by, evaluated_at, approved_by, override_reason,"
        + " exception_id, prev_hash, hash from gate_record order by seq", (RowCallbackHandler) walk::next);
    if (walk.broken == null) {
      Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from gate_log_head where id = 1");
      long headSeq = ((Number) head.get("last_seq")).longValue();
      if (headSeq != walk.lastSeq || !walk.lastHash.equals(head.get("last_hash"))) {
        walk.broken = new ChainVerification.Broken(null, headSeq, "the log ends at seq " + walk.lastSeq
            + " but its head records seq " + headSeq + ": records were removed from the end, or the head was changed");
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new ChainVerification(walk.broken == null, walk.checked, walk.broken, walk.lastHash, millis);
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
      long exceptionId = rs.getLong("exception_id");
      Long exception = rs.wasNull() ? null : exceptionId;
      OffsetDateTime at = rs.getObject("evaluated_at", OffsetDateTime.class);
      String hash = GateRecordDigest.hash(new GateRecordDigest.Content(seq, rs.getString("opportunity_code"),
          rs.getString("process_key"), rs.getString("process_instance_id"), rs.getString("stage"),
          rs.getString("verdict"), rs.getString("failures_json"), rs.getString("warnings_json"),
          rs.getString("rules_version"), rs.getString("facts_json"), rs.getString("requested_by"),
          at == null ? null : at.toInstant(), rs.getString("approved_by"), rs.getString("override_reason"),
          exception, prevHash));
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
