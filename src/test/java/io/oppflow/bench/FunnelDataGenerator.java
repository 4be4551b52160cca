package io.oppflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Realistic funnel history for the benchmark: the 7 stages of project-sales-funnel, 4 branches × 3 teams ×
 * 5 reps, opportunities created evenly over 2025–2026, each stage passed with probability 0.35^(1/7) (so
 * about 35 % of the decided ones are won), log-normal dwell (median 7 days) and amounts (median 200 000).
 * Opportunities whose next step would fall after {@link #NOW} are still open there. The intervals carry
 * process and activity instance ids as the live process writes them. Written by JDBC batch.
 */
public final class FunnelDataGenerator {

  static final String PROCESS = "project-sales-funnel";
  static final List<String> STAGES = List.of("TARGET", "DISCOVER", "CONFIRM_INTENT", "INITIATE_PROJECT",
      "WIN_RECOGNITION", "NEGOTIATE", "CLOSE");
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
  private static final double ADVANCE = Math.pow(0.35, 1.0 / 7);
  private static final String[] BRANCHES = {"East", "North", "South", "West"};
  private static final int BATCH = 5000;

  private final Random random;
  /** Separate from {@link #random} so that the ids do not change the generated figures. */
  private final Random ids;

  public FunnelDataGenerator(long seed) {
    this.random = new Random(seed);
    this.ids = new Random(seed + 1);
  }

  /** Writes {@code count} opportunities and their stage intervals; returns the number of intervals. */
  public long generate(DataSource dataSource, int count) throws SQLException {
    long intervals = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement opp = c.prepareStatement("insert into opportunity (version, code, process_key, name, org_unit,"
            + " owner, region, project_type, customer_type, amount, currency, status, stage, created_at, updated_at,"
            + " closed_at) values (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?)");
        PreparedStatement stage = c.prepareStatement("insert into stage_interval (opportunity_code, process_key, stage,"
            + " stage_order, entered_at, left_at, outcome, source, process_instance_id, activity_instance_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, 'ENGINE', ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        intervals += one(i, opp, stage);
        if ((i + 1) % BATCH == 0) {
          opp.executeBatch();
          stage.executeBatch();
          c.commit();
        }
      }
      opp.executeBatch();
      stage.executeBatch();
      c.commit();
      try (java.sql.Statement slices = c.createStatement()) {
        // the slice columns StageIntervals copies from the opportunity (V30), filled as the migration does
        slices.executeUpdate("update stage_interval si set owner = o.owner, org_unit = o.org_unit, region = o.region,"
            + " project_type = o.project_type, customer_type = o.customer_type from opportunity o"
            + " where o.code = si.opportunity_code");
        c.commit();
      }
    }
    return intervals;
  }

  private int one(int i, PreparedStatement opp, PreparedStatement stage) throws SQLException {
    String code = "GEN-" + i;
    String branch = BRANCHES[random.nextInt(BRANCHES.length)];
    int team = random.nextInt(3) + 1;
    String orgUnit = "HQ/" + branch + "/" + branch + "-" + team;
    String owner = "rep-" + branch.toLowerCase() + team + "-" + (random.nextInt(5) + 1);
    Instant created = START.plusSeconds((long) (random.nextDouble() * Duration.between(START, NOW).toSeconds()));
    Instant at = created;
    String status = "OPEN";
    String current = null;
    Instant closed = null;
    List<Object[]> rows = new ArrayList<>();
    for (int s = 0; s < STAGES.size(); s++) {
      Instant left = at.plusSeconds((long) (86400 * Math.exp(Math.log(7) + 0.8 * random.nextGaussian())));
      if (left.isAfter(NOW)) {
        rows.add(new Object[] {STAGES.get(s), s + 1, at, null, null});
        current = STAGES.get(s);
        break;
      }
      boolean advanced = random.nextDouble() < ADVANCE;
      rows.add(new Object[] {STAGES.get(s), s + 1, at, left, advanced ? "ADVANCED" : "LOST"});
      if (!advanced || s == STAGES.size() - 1) {
        status = advanced ? "WON" : "LOST";
        closed = left;
        break;
      }
      at = left;
    }
    opp.setString(1, code);
    opp.setString(2, PROCESS);
    opp.setString(3, "Generated " + i);
    opp.setString(4, orgUnit);
    opp.setString(5, owner);
    opp.setString(6, branch);
    opp.setString(7, random.nextDouble() < 0.3 ? "LARGE" : "SMALL");
    opp.setString(8, random.nextDouble() < 0.4 ? "NEW" : "OLD");
    opp.setBigDecimal(9, java.math.BigDecimal.valueOf(Math.round(Math.exp(Math.log(200000) + 0.7 * random.nextGaussian()))));
    opp.setString(10, status);
    opp.setString(11, current);
    opp.setTimestamp(12, Timestamp.from(created));
    opp.setTimestamp(13, Timestamp.from(closed == null ? at : closed));
    opp.setTimestamp(14, closed == null ? null : Timestamp.from(closed));
    opp.addBatch();
    String processInstanceId = id();
    for (Object[] r : rows) {
      stage.setString(1, code);
      stage.setString(2, PROCESS);
      stage.setString(3, (String) r[0]);
      stage.setInt(4, (Integer) r[1]);
      stage.setTimestamp(5, Timestamp.from((Instant) r[2]));
      stage.setTimestamp(6, r[3] == null ? null : Timestamp.from((Instant) r[3]));
      stage.setString(7, (String) r[4]);
      stage.setString(8, processInstanceId);
      stage.setString(9, id());
      stage.addBatch();
    }
    return rows.size();
  }

  /** An id of the engine's form (36 characters), as the live process writes into stage_interval. */
  private String id() {
    return new UUID(ids.nextLong(), ids.nextLong()).toString();
  }
}
