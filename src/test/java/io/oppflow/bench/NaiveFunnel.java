package io.oppflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The naive way, for comparison: fetch the stage history of the period and every opportunity of the process
 * into Java (as one would from a history API) and aggregate there, grouped by org unit. Computes the same
 * figures as the funnel query: counts by outcome, mean/median/p90 dwell, won, lost, open, cycle, pipeline.
 */
final class NaiveFunnel {

  /** The figures of one group and stage, and of one group, that the benchmark checks against the fast way. */
  record Result(Map<String, Map<String, long[]>> counts, Map<String, long[]> outcomes) {}

  /** An opportunity as both naive ways read it. */
  record Opp(String orgUnit, String status, String stage, Instant created, Instant closed, double amount) {}

  private NaiveFunnel() {}

  static Result measure(DataSource ds, String process, Instant from, Instant to, Map<String, Double> probability)
      throws SQLException {
    Map<String, Opp> opps = new HashMap<>();
    Map<String, Map<String, long[]>> counts = new TreeMap<>();
    Map<String, Map<String, List<Double>>> dwell = new HashMap<>();
    Map<String, long[]> outcomes = new TreeMap<>();
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("select code, org_unit, status, stage, created_at, closed_at, amount"
          + " from opportunity where process_key = ?")) {
        ps.setString(1, process);
        ps.setFetchSize(10000);
        c.setAutoCommit(false);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Timestamp closed = rs.getTimestamp(6);
            opps.put(rs.getString(1), new Opp(rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), closed == null ? null : closed.toInstant(), rs.getDouble(7)));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("select opportunity_code, stage, entered_at, left_at, outcome"
          + " from stage_interval where process_key = ? and entered_at >= ? and entered_at < ?")) {
        ps.setString(1, process);
        ps.setTimestamp(2, Timestamp.from(from));
        ps.setTimestamp(3, Timestamp.from(to));
        ps.setFetchSize(10000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Opp o = opps.get(rs.getString(1));
            String stage = rs.getString(2);
            long[] n = counts.computeIfAbsent(o.orgUnit(), k -> new TreeMap<>()).computeIfAbsent(stage, k -> new long[4]);
            String outcome = rs.getString(5);
            n[0]++;
            if ("ADVANCED".equals(outcome)) {
              n[1]++;
            } else if ("LOST".equals(outcome)) {
              n[2]++;
            } else if (outcome == null) {
              n[3]++;
            }
            Timestamp left = rs.getTimestamp(4);
            if (left != null) {
              double days = (left.getTime() - rs.getTimestamp(3).getTime()) / 86_400_000.0;
              dwell.computeIfAbsent(o.orgUnit(), k -> new HashMap<>()).computeIfAbsent(stage, k -> new ArrayList<>()).add(days);
            }
          }
        }
      }
      c.commit();
    }
    addOutcomes(opps.values(), from, to, probability, outcomes);
    summariseDwell(dwell);
    return new Result(counts, outcomes);
  }

  /**
   * Won and lost opportunities closed in [from, to) and open ones created before {@code to}, per org unit (into
   * {@code outcomes}: won, lost, open), with the won ones' cycle and the open ones' weighted pipeline, as the
   * funnel computes them.
   */
  static void addOutcomes(Iterable<Opp> opps, Instant from, Instant to, Map<String, Double> probability,
      Map<String, long[]> outcomes) {
    Map<String, double[]> cycleAndPipeline = new HashMap<>();
    for (Opp o : opps) {
      boolean closedIn = o.closed() != null && !o.closed().isBefore(from) && o.closed().isBefore(to);
      long[] g = outcomes.computeIfAbsent(o.orgUnit(), k -> new long[3]);
      double[] cp = cycleAndPipeline.computeIfAbsent(o.orgUnit(), k -> new double[2]);
      if (o.status().equals("WON") && closedIn) {
        g[0]++;
        cp[0] += (o.closed().toEpochMilli() - o.created().toEpochMilli()) / 86_400_000.0;
      } else if (o.status().equals("LOST") && closedIn) {
        g[1]++;
      } else if (o.status().equals("OPEN") && o.created().isBefore(to)) {
        g[2]++;
        cp[1] += o.amount() * probability.getOrDefault(o.stage(), 0.0);
      }
    }
  }

  /** Mean, median and p90 of every group's and stage's dwells, as the funnel computes them (sorts in place). */
  static void summariseDwell(Map<String, Map<String, List<Double>>> dwell) {
    dwell.values().forEach(byStage -> byStage.values().forEach(d -> {
      d.sort(null);
      double mean = d.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      if (mean < 0 || percentile(d, 0.5) < 0 || percentile(d, 0.9) < 0) {
        throw new IllegalStateException("negative dwell");
      }
    }));
  }

  /** Linear interpolation, as PERCENTILE_CONT. */
  static double percentile(List<Double> sorted, double p) {
    double pos = p * (sorted.size() - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
  }
}
