package io.oppflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The naive way to find the stage entries no gate allowed, the baseline of the compliance benchmark: read every
 * stage interval and every gate record (the columns the rule needs) over JDBC and match them in Java with hash
 * maps, by the rule {@code BypassDetector} states. Times are compared in microseconds, the database's precision.
 */
final class NaiveBypassScan {

  private static final int FETCH_SIZE = 5000;
  private static final long GRACE_MICROS = 1000;

  private record Interval(long id, String pid, String stage, int order, long entered) {}

  private NaiveBypassScan() {}

  /** The violations, as {@link ComplianceDataGenerator#key}s. */
  static Set<String> find(DataSource dataSource) throws SQLException {
    Map<String, List<Interval>> intervals = new HashMap<>();
    List<Interval> engineIntervals = new ArrayList<>();
    Map<String, List<Long>> allowing = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try (PreparedStatement ps = c.prepareStatement("select id, process_instance_id, stage, stage_order, entered_at,"
          + " source from stage_interval")) {
        ps.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String pid = rs.getString(2);
            if (pid == null) {
              continue;
            }
            Interval i = new Interval(rs.getLong(1), pid, rs.getString(3), rs.getInt(4), micros(rs.getObject(5, OffsetDateTime.class)));
            intervals.computeIfAbsent(pid, k -> new ArrayList<>()).add(i);
            if ("ENGINE".equals(rs.getString(6)) && i.order() > 1) {
              engineIntervals.add(i);
            }
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("select process_instance_id, stage, verdict, evaluated_at"
          + " from gate_record")) {
        ps.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String verdict = rs.getString(3);
            String pid = rs.getString(1);
            if (pid != null && (verdict.equals("PASSED") || verdict.equals("OVERRIDDEN"))) {
              allowing.computeIfAbsent(pid + "|" + rs.getString(2), k -> new ArrayList<>())
                  .add(micros(rs.getObject(4, OffsetDateTime.class)));
            }
          }
        }
      }
      c.commit();
    }
    Set<String> violations = new HashSet<>();
    for (Interval si : engineIntervals) {
      String pid = si.pid();
      Interval previous = null;
      for (Interval q : intervals.get(pid)) {
        if (q.order() == si.order() - 1 && q.entered() <= si.entered() && q.id() != si.id()
            && (previous == null || q.entered() > previous.entered()
                || q.entered() == previous.entered() && q.id() > previous.id())) {
          previous = q;
        }
      }
      if (previous == null || !allowed(allowing.get(pid + "|" + previous.stage()), previous.entered(), si.entered())) {
        violations.add(ComplianceDataGenerator.key(pid, si.stage(), si.entered() / 1000));
      }
    }
    return violations;
  }

  private static boolean allowed(List<Long> records, long from, long entered) {
    if (records != null) {
      for (long at : records) {
        if (at >= from && at < entered + GRACE_MICROS) {
          return true;
        }
      }
    }
    return false;
  }

  private static long micros(OffsetDateTime t) {
    return t.toEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
