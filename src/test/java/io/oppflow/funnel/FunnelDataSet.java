package io.oppflow.funnel;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small hand-made funnel, written straight into opportunity and stage_interval under a fresh org unit
 * below HQ/East (so manager1 manages it and no other test's data falls in it). All times are noon UTC.
 */
final class FunnelDataSet {

  static final String PROCESS = "project-sales-funnel";

  final String unit = "HQ/East/MT" + UUID.randomUUID().toString().substring(0, 8);
  final String teamA = unit + "/A";
  final String teamB = unit + "/B";
  private final String prefix = "MT-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private final JdbcTemplate jdbc;

  FunnelDataSet(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static Instant day(String date) {
    return LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  /** The data set the tests compute by hand; see each opportunity's comment. */
  FunnelDataSet insert() {
    // O1 won: rep1, team A, LARGE/NEW/East, 100 000; created Jan 1, closed Mar 2 (cycle 60 days); all 7 stages.
    String o1 = opportunity("O1", "rep1", teamA, "East", "LARGE", "NEW", 100000, "WON", null, "2027-01-01", "2027-03-02");
    interval(o1, "TARGET", 1, "2027-01-01", "2027-01-03", "ADVANCED");
    interval(o1, "DISCOVER", 2, "2027-01-03", "2027-01-07", "ADVANCED");
    interval(o1, "CONFIRM_INTENT", 3, "2027-01-07", "2027-01-17", "ADVANCED");
    interval(o1, "INITIATE_PROJECT", 4, "2027-01-17", "2027-01-27", "ADVANCED");
    interval(o1, "WIN_RECOGNITION", 5, "2027-01-27", "2027-02-06", "ADVANCED");
    interval(o1, "NEGOTIATE", 6, "2027-02-06", "2027-02-16", "ADVANCED");
    interval(o1, "CLOSE", 7, "2027-02-16", "2027-03-02", "ADVANCED");
    // O2 lost in DISCOVER: rep1, team A, SMALL/OLD/East, 50 000; closed Jan 11.
    String o2 = opportunity("O2", "rep1", teamA, "East", "SMALL", "OLD", 50000, "LOST", null, "2027-01-01", "2027-01-11");
    interval(o2, "TARGET", 1, "2027-01-01", "2027-01-05", "ADVANCED");
    interval(o2, "DISCOVER", 2, "2027-01-05", "2027-01-11", "LOST");
    // O3 open in CONFIRM_INTENT: rep2, team B, LARGE/OLD/West, 200 000.
    String o3 = opportunity("O3", "rep2", teamB, "West", "LARGE", "OLD", 200000, "OPEN", "CONFIRM_INTENT", "2027-01-02", null);
    interval(o3, "TARGET", 1, "2027-01-02", "2027-01-04", "ADVANCED");
    interval(o3, "DISCOVER", 2, "2027-01-04", "2027-01-10", "ADVANCED");
    interval(o3, "CONFIRM_INTENT", 3, "2027-01-10", null, null);
    // O4 open in TARGET: rep2, team B, SMALL/NEW/West, 80 000.
    String o4 = opportunity("O4", "rep2", teamB, "West", "SMALL", "NEW", 80000, "OPEN", "TARGET", "2027-01-03", null);
    interval(o4, "TARGET", 1, "2027-01-03", null, null);
    // O5 entered its stages in 2026-Q4, lost on Jan 21 2027: only its loss falls in 2027-Q1.
    String o5 = opportunity("O5", "rep1", teamA, "East", "SMALL", "NEW", 40000, "LOST", null, "2026-12-01", "2027-01-21");
    interval(o5, "TARGET", 1, "2026-12-01", "2026-12-09", "ADVANCED");
    interval(o5, "DISCOVER", 2, "2026-12-09", "2027-01-21", "LOST");
    // O6 created after the quarter: in no 2027-Q1 figure.
    String o6 = opportunity("O6", "rep2", teamB, "West", "SMALL", "NEW", 70000, "OPEN", "TARGET", "2027-04-05", null);
    interval(o6, "TARGET", 1, "2027-04-05", null, null);
    // O7 in a sibling unit whose name merely starts like ours (…X): never under our unit.
    String o7 = opportunity("O7", "rep1", unit + "X/A", "East", "SMALL", "NEW", 10000, "OPEN", "TARGET", "2027-01-02", null);
    interval(o7, "TARGET", 1, "2027-01-02", null, null);
    return this;
  }

  private String opportunity(String name, String owner, String orgUnit, String region, String projectType,
      String customerType, long amount, String status, String stage, String created, String closed) {
    String code = prefix + name;
    jdbc.update("insert into opportunity (version, code, process_key, name, org_unit, owner, region, project_type,"
        + " customer_type, amount, currency, status, stage, created_at, updated_at, closed_at)"
        + " values (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?)",
        code, PROCESS, name, orgUnit, owner, region, projectType, customerType, BigDecimal.valueOf(amount), status, stage,
        Timestamp.from(day(created)), Timestamp.from(day(created)), closed == null ? null : Timestamp.from(day(closed)));
    return code;
  }

  private void interval(String code, String stage, int order, String entered, String left, String outcome) {
    jdbc.update("insert into stage_interval (opportunity_code, process_key, stage, stage_order, entered_at, left_at,"
        + " outcome, source, owner, org_unit, region, project_type, customer_type)"
        + " values (?, ?, ?, ?, ?, ?, ?, 'ENGINE', " + SLICE.replace("C", "owner") + ", " + SLICE.replace("C", "org_unit")
        + ", " + SLICE.replace("C", "region") + ", " + SLICE.replace("C", "project_type") + ", "
        + SLICE.replace("C", "customer_type") + ")",
        code, PROCESS, stage, order, Timestamp.from(day(entered)), left == null ? null : Timestamp.from(day(left)), outcome,
        code, code, code, code, code);
  }

  /** A slice column copied from the opportunity, as StageIntervals does. */
  private static final String SLICE = "(select o.C from opportunity o where o.code = ?)";
}
