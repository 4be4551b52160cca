package io.oppflow.gate.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The columns of a gate record that its hash covers, read from the database: the sealer hashes what was stored
 * and the verifier recomputes from what is stored, with the same reading, so both see the same content.
 */
public final class GateRecordColumns {

  /** The columns {@link #content} reads, for a select list. */
  public static final String HASHED = "opportunity_code, process_key, process_instance_id, stage, verdict,"
      + " failures_json, warnings_json, rules_version, facts_json, requested_by, evaluated_at, approved_by,"
      + " override_reason, exception_id";

  private GateRecordColumns() {}

  /** The content of the record at the result set's row, placed at {@code seq} after the record hashed {@code prevHash}. */
  public static GateRecordDigest.Content content(ResultSet rs, long seq, String prevHash) throws SQLException {
    long exceptionId = rs.getLong("exception_id");
    Long exception = rs.wasNull() ? null : exceptionId;
    OffsetDateTime at = rs.getObject("evaluated_at", OffsetDateTime.class);
    return new GateRecordDigest.Content(seq, rs.getString("opportunity_code"), rs.getString("process_key"),
        rs.getString("process_instance_id"), rs.getString("stage"), rs.getString("verdict"),
        rs.getString("failures_json"), rs.getString("warnings_json"), rs.getString("rules_version"),
        rs.getString("facts_json"), rs.getString("requested_by"), at == null ? null : at.toInstant(),
        rs.getString("approved_by"), rs.getString("override_reason"), exception, prevHash);
  }
}
