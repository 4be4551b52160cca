package io.oppflow.gate.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that chains the gate log: SHA-256 over a record's content and the hash of the record before it.
 * Every field is written with its length, so no two different records give the same input, and a
 * missing value differs from an empty one. The time counts in microseconds, the database's precision.
 *
 * <p>The form is part of the audit contract: records sealed with it must verify forever. Do not change it;
 * if it must change, give the new form a version and keep this one for the records already sealed.
 */
public final class GateRecordDigest {

  /** The previous hash of the first record in the chain. */
  public static final String GENESIS = "0".repeat(64);

  private GateRecordDigest() {}

  /** The content a hash covers, in the order hashed. */
  public record Content(long seq, String opportunityCode, String processKey, String processInstanceId, String stage,
      String verdict, String failuresJson, String warningsJson, String rulesVersion, String factsJson,
      String requestedBy, Instant evaluatedAt, String approvedBy, String overrideReason, Long exceptionId,
      String prevHash) {

    /** The same content placed at {@code seq}, after the record whose hash is {@code prevHash}. */
    public Content placedAt(long seq, String prevHash) {
      return new Content(seq, opportunityCode, processKey, processInstanceId, stage, verdict, failuresJson,
          warningsJson, rulesVersion, factsJson, requestedBy, evaluatedAt, approvedBy, overrideReason, exceptionId,
          prevHash);
    }
  }

  public static String hash(Content c) {
    StringBuilder in = new StringBuilder(256 + length(c.factsJson()) + length(c.failuresJson()));
    field(in, Long.toString(c.seq()));
    field(in, c.opportunityCode());
    field(in, c.processKey());
    field(in, c.processInstanceId());
    field(in, c.stage());
    field(in, c.verdict());
    field(in, c.failuresJson());
    field(in, c.warningsJson());
    field(in, c.rulesVersion());
    field(in, c.factsJson());
    field(in, c.requestedBy());
    field(in, c.evaluatedAt() == null ? null : Long.toString(micros(c.evaluatedAt())));
    field(in, c.approvedBy());
    field(in, c.overrideReason());
    field(in, c.exceptionId() == null ? null : Long.toString(c.exceptionId()));
    field(in, c.prevHash());
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
