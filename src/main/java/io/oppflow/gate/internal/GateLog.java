package io.oppflow.gate.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of gate records: appends each one to the hash chain. The chain's head (last sequence
 * number and hash) is a row locked for the rest of the transaction, so appends from every node of a
 * cluster are serialised in one order, and a record rolled back leaves no gap.
 */
@Component
public class GateLog {

  private final GateRecordRepository records;
  private final JdbcTemplate jdbc;

  GateLog(GateRecordRepository records, JdbcTemplate jdbc) {
    this.records = records;
    this.jdbc = jdbc;
  }

  /** Seals {@code record} after the last one and stores it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public GateRecord append(GateRecord record) {
    Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from gate_log_head where id = 1 for update");
    long seq = ((Number) head.get("last_seq")).longValue() + 1;
    record.seal(seq, (String) head.get("last_hash"));
    GateRecord saved = records.save(record);
    jdbc.update("update gate_log_head set last_seq = ?, last_hash = ? where id = 1", seq, saved.getHash());
    return saved;
  }

  /** Gate times are kept to the millisecond, the precision of Camunda's history they are compared with. */
  static Instant timeOf(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS);
  }
}
