package io.oppflow.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hand-worked data set of the forecast tests, in its own org unit so other tests' opportunities
 * never count: opportunities of the project-sales-funnel (WIN_RECOGNITION p=0.60, NEGOTIATE p=0.80,
 * CLOSE p=0.90 in the BPMN) with their stage intervals. Each opportunity passes through the listed
 * stages in turn; the last interval ends when the opportunity closes (or stays open).
 *
 * <pre>
 * code  owner  amount expected    outcome            stages entered
 * H1    B      100    2025-09-15  WON  2025-09-15    NEG 2025-08-01
 * H2    B      100    2025-10-15  LOST 2025-10-15    NEG 2025-09-01
 * H3    B      100    2025-12-10  WON  2025-12-10    NEG 2025-11-01, NEG 2025-11-05 (moved back in: counts once)
 * H4    B      100    2025-09-01  LOST 2025-09-01    WR  2025-08-01
 * H5    B      200    2026-02-10  WON  2026-02-10    WR  2025-10-01, NEG 2025-11-15
 * H6    B      100    2025-10-01  WON  2025-10-01    WR  2025-07-15, NEG 2025-08-15
 * H7    B       80    2026-02-28  LOST 2026-02-20    NEG 2026-01-10
 * H8    B       60    2026-05-15  LOST 2026-03-01    WR  2025-11-01
 * A1    B      100    2026-03-20  LOST 2026-05-10    WR  2025-12-01, NEG 2026-03-01
 * A2    B      300    2026-06-15  WON  2026-06-20    NEG 2025-12-15
 * A3    B       50    2026-03-15  WON  2026-03-15    NEG 2026-02-01
 * A4    B      100    2026-05-31  LOST 2026-06-01    WR  2026-03-01
 * L1    rep1   600    2027-02-15  open               NEG 2026-09-01
 * L2    B      200    2027-03-31  open               WR  2026-10-01
 * L3    B     1000    2027-04-01  open               NEG 2026-09-15
 * L4    B      300    (none)      open               WR  2026-10-15
 * L5    B      100    2027-01-20  open               CLOSE 2026-11-01
 * </pre>
 */
public final class ForecastDataSet {

  static final String OTHER_OWNER = "fc-rep-b";
  private static final Map<String, Integer> ORDER = Map.of("WIN_RECOGNITION", 5, "NEGOTIATE", 6, "CLOSE", 7);

  public final String orgUnit = "HQ/East/FC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  private final String prefix = orgUnit.substring(orgUnit.lastIndexOf('/') + 1);
  private final JdbcTemplate jdbc;

  public ForecastDataSet(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert() {
    closed("H1", 100, "2025-09-15", "WON", "2025-09-15", "NEGOTIATE", "2025-08-01");
    closed("H2", 100, "2025-10-15", "LOST", "2025-10-15", "NEGOTIATE", "2025-09-01");
    closed("H3", 100, "2025-12-10", "WON", "2025-12-10", "NEGOTIATE", "2025-11-01", "NEGOTIATE", "2025-11-05");
    closed("H4", 100, "2025-09-01", "LOST", "2025-09-01", "WIN_RECOGNITION", "2025-08-01");
    closed("H5", 200, "2026-02-10", "WON", "2026-02-10", "WIN_RECOGNITION", "2025-10-01", "NEGOTIATE", "2025-11-15");
    closed("H6", 100, "2025-10-01", "WON", "2025-10-01", "WIN_RECOGNITION", "2025-07-15", "NEGOTIATE", "2025-08-15");
    closed("H7", 80, "2026-02-28", "LOST", "2026-02-20", "NEGOTIATE", "2026-01-10");
    closed("H8", 60, "2026-05-15", "LOST", "2026-03-01", "WIN_RECOGNITION", "2025-11-01");
    closed("A1", 100, "2026-03-20", "LOST", "2026-05-10", "WIN_RECOGNITION", "2025-12-01", "NEGOTIATE", "2026-03-01");
    closed("A2", 300, "2026-06-15", "WON", "2026-06-20", "NEGOTIATE", "2025-12-15");
    closed("A3", 50, "2026-03-15", "WON", "2026-03-15", "NEGOTIATE", "2026-02-01");
    closed("A4", 100, "2026-05-31", "LOST", "2026-06-01", "WIN_RECOGNITION", "2026-03-01");
    open("L1", "rep1", 600, "2027-02-15", "NEGOTIATE", "2026-09-01");
    open("L2", OTHER_OWNER, 200, "2027-03-31", "WIN_RECOGNITION", "2026-10-01");
    open("L3", OTHER_OWNER, 1000, "2027-04-01", "NEGOTIATE", "2026-09-15");
    open("L4", OTHER_OWNER, 300, null, "WIN_RECOGNITION", "2026-10-15");
    open("L5", OTHER_OWNER, 100, "2027-01-20", "CLOSE", "2026-11-01");
  }

  private void closed(String code, int amount, String expected, String status, String closedOn, String... stages) {
    insert(code, OTHER_OWNER, amount, expected, status, closedOn, stages);
  }

  private void open(String code, String owner, int amount, String expected, String stage, String enteredOn) {
    insert(code, owner, amount, expected, "OPEN", null, stage, enteredOn);
  }

  private void insert(String code, String owner, int amount, String expected, String status, String closedOn,
      String... stages) {
    String full = prefix + "-" + code;
    OffsetDateTime created = at(stages[1]);
    OffsetDateTime closed = closedOn == null ? null : at(closedOn);
    jdbc.update("insert into opportunity (version, code, process_key, name, org_unit, owner, amount, currency,"
        + " expected_close_date, stage, status, created_at, updated_at, closed_at)"
        + " values (0, ?, 'project-sales-funnel', ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?)",
        full, "Forecast " + code, orgUnit, owner, BigDecimal.valueOf(amount),
        expected == null ? null : LocalDate.parse(expected), stages[stages.length - 2], status, created,
        closed == null ? created : closed, closed);
    for (int i = 0; i < stages.length; i += 2) {
      boolean last = i + 2 >= stages.length;
      OffsetDateTime left = last ? closed : at(stages[i + 3]);
      String outcome = !last ? (stages[i].equals(stages[i + 2]) ? "LEFT" : "ADVANCED") : closed == null ? null : status.equals("WON") ? "ADVANCED" : "LOST";
      jdbc.update("insert into stage_interval (opportunity_code, process_key, stage, stage_order, entered_at,"
          + " left_at, outcome, source) values (?, 'project-sales-funnel', ?, ?, ?, ?, ?, 'ENGINE')",
          full, stages[i], ORDER.get(stages[i]), at(stages[i + 1]), left, outcome);
    }
  }

  private static OffsetDateTime at(String day) {
    return LocalDate.parse(day).atStartOfDay().atOffset(ZoneOffset.UTC);
  }
}
