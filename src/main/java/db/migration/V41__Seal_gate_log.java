package db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Seals the gate records written before the log was chained (in id order, the order they were written),
 * then makes the chain columns required and, on PostgreSQL, installs the triggers that refuse any change
 * to a gate record and any head move other than one step forward.
 *
 * <p>Self-contained on purpose: a migration must do tomorrow what it did when it first ran, so it imports no
 * application class. The hash it seals with is a frozen copy of the gate log's digest as it was then
 * ({@link #hash}); a later change to the live digest must not change what this migration wrote.
 */
public class V41__Seal_gate_log extends BaseJavaMigration {

  /** The previous hash of the first record in the chain. */
  private static final String GENESIS = "0".repeat(64);

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    seal(c);
    try (Statement s = c.createStatement()) {
      s.execute("alter table gate_record alter column seq set not null");
      s.execute("alter table gate_record alter column prev_hash set not null");
      s.execute("alter table gate_record alter column hash set not null");
      s.execute("alter table gate_record add constraint uq_gate_record_seq unique (seq)");
      if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
        appendOnlyOnPostgres(s);
      }
    }
  }

  private static void seal(Connection c) throws SQLException {
    long seq = 0;
    String prev = GENESIS;
    try (Statement read = c.createStatement();
        ResultSet rs = read.executeQuery("select id, opportunity_code, process_key, process_instance_id, stage, verdict,"
            + " failures_json, warnings_json, rules_version, facts_json, requested_by, evaluated_at, approved_by,"
            + " override_reason, exception_id from gate_record order by id");
        PreparedStatement write = c.prepareStatement("update gate_record set seq = ?, prev_hash = ?, hash = ? where id = ?")) {
      while (rs.next()) {
        seq++;
        long exceptionId = rs.getLong("exception_id");
        // As first run: wasNull() below reads override_reason, the column read just before it. Before V40 an
        // override wrote approved_by, override_reason and exception_id together, so it gave the same answer.
        String hash = hash(seq, rs.getString("opportunity_code"),
            rs.getString("process_key"), rs.getString("process_instance_id"), rs.getString("stage"),
            rs.getString("verdict"), rs.getString("failures_json"), rs.getString("warnings_json"),
            rs.getString("rules_version"), rs.getString("facts_json"), rs.getString("requested_by"),
            rs.getObject("evaluated_at", OffsetDateTime.class).toInstant(), rs.getString("approved_by"),
            rs.getString("override_reason"), rs.wasNull() ? null : exceptionId, prev);
        write.setLong(1, seq);
        write.setString(2, prev);
        write.setString(3, hash);
        write.setLong(4, rs.getLong("id"));
        write.executeUpdate();
        prev = hash;
      }
    }
    try (PreparedStatement head = c.prepareStatement("update gate_log_head set last_seq = ?, last_hash = ? where id = 1")) {
      head.setLong(1, seq);
      head.setString(2, prev);
      head.executeUpdate();
    }
  }

  private static void appendOnlyOnPostgres(Statement s) throws SQLException {
    s.execute("""
        create function gate_record_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'gate_record is append-only: % refused', tg_op;
        end $$""");
    s.execute("create trigger gate_record_no_update_delete before update or delete on gate_record"
        + " for each row execute function gate_record_append_only()");
    s.execute("create trigger gate_record_no_truncate before truncate on gate_record"
        + " for each statement execute function gate_record_append_only()");
    s.execute("""
        create function gate_log_head_forward_only() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'UPDATE' or new.id <> old.id or new.last_seq <> old.last_seq + 1 then
            raise exception 'gate_log_head only moves one record forward: % refused', tg_op;
          end if;
          return new;
        end $$""");
    s.execute("create trigger gate_log_head_forward before update or delete on gate_log_head"
        + " for each row execute function gate_log_head_forward_only()");
    s.execute("create trigger gate_log_head_no_truncate before truncate on gate_log_head"
        + " for each statement execute function gate_log_head_forward_only()");
  }

  // ---- Frozen copy of the gate record digest (io.oppflow.gate.internal.GateRecordDigest, 2026-11). Do not edit. ----
  // SHA-256 over the fields in this order, each written as <length>:<value>; (a missing value as -;), the time
  // in microseconds since the epoch, then the previous record's hash.

  private static String hash(long seq, String opportunityCode, String processKey, String processInstanceId, String stage,
      String verdict, String failuresJson, String warningsJson, String rulesVersion, String factsJson, String requestedBy,
      Instant evaluatedAt, String approvedBy, String overrideReason, Long exceptionId, String prevHash) {
    StringBuilder in = new StringBuilder(256 + length(factsJson) + length(failuresJson));
    field(in, Long.toString(seq));
    field(in, opportunityCode);
    field(in, processKey);
    field(in, processInstanceId);
    field(in, stage);
    field(in, verdict);
    field(in, failuresJson);
    field(in, warningsJson);
    field(in, rulesVersion);
    field(in, factsJson);
    field(in, requestedBy);
    field(in, evaluatedAt == null ? null : Long.toString(micros(evaluatedAt)));
    field(in, approvedBy);
    field(in, overrideReason);
    field(in, exceptionId == null ? null : Long.toString(exceptionId));
    field(in, prevHash);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  private static void field(StringBuilder in, String value) {
    if (value == null) {
      in.append("-;");
    } else {
      in.append(value.length()).append(':').append(value).append(';');
    }
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }
}
