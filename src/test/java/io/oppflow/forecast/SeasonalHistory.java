package io.oppflow.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated history with known behaviour, in its own org unit: a pipeline with a yearly season and no expected
 * close dates (as an import from another CRM leaves it), of the project-sales-funnel, from October 2023 to December
 * 2025.
 *
 * <ul>
 *   <li>On the 10th of each month, {@code n} deals of 100 open in WIN_RECOGNITION, where n is 2 in the months of
 *       Q1, 4 in Q2, 6 in Q3 and 8 in Q4. Each advances to NEGOTIATE 25 days later and closes 45 days after it
 *       opened: the 1st, 3rd, … of the month won, the 2nd, 4th, … lost.</li>
 *   <li>On the 5th of each quarter's first month one "stale" deal of 1000 opens in WIN_RECOGNITION and never
 *       moves.</li>
 * </ul>
 *
 * So at any quarter's start the open pipeline holds the deals of the month before, 21–22 days in WIN_RECOGNITION,
 * half of which are won about three weeks later, and stale deals at least 86 days old, never won.
 */
public final class SeasonalHistory {

  static final int AMOUNT = 100;
  private static final int[] PER_MONTH_BY_QUARTER = {2, 4, 6, 8};

  public final String orgUnit = "HQ/East/SEASON-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  private final String prefix = orgUnit.substring(orgUnit.lastIndexOf('/') + 1);
  private final JdbcTemplate jdbc;

  public SeasonalHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert() {
    for (LocalDate month = LocalDate.of(2023, 10, 1); month.isBefore(LocalDate.of(2026, 1, 1)); month = month.plusMonths(1)) {
      int n = PER_MONTH_BY_QUARTER[(month.getMonthValue() - 1) / 3];
      for (int i = 0; i < n; i++) {
        regular(month.withDayOfMonth(10), i, i % 2 == 0);
      }
      if ((month.getMonthValue() - 1) % 3 == 0) {
        stale(month.withDayOfMonth(5));
      }
    }
  }

  private void regular(LocalDate opened, int index, boolean won) {
    String code = prefix + "-" + opened + "-" + index;
    OffsetDateTime created = at(opened);
    OffsetDateTime advanced = created.plusDays(25);
    OffsetDateTime closed = created.plusDays(45);
    opportunity(code, AMOUNT, "NEGOTIATE", won ? "WON" : "LOST", created, closed);
    interval(code, "WIN_RECOGNITION", 5, created, advanced, "ADVANCED");
    interval(code, "NEGOTIATE", 6, advanced, closed, won ? "ADVANCED" : "LOST");
  }

  private void stale(LocalDate opened) {
    String code = prefix + "-" + opened + "-stale";
    OffsetDateTime created = at(opened);
    opportunity(code, 1000, "WIN_RECOGNITION", "OPEN", created, null);
    interval(code, "WIN_RECOGNITION", 5, created, null, null);
  }

  private void opportunity(String code, int amount, String stage, String status, OffsetDateTime created, OffsetDateTime closed) {
    jdbc.update("insert into opportunity (version, code, process_key, name, org_unit, owner, amount, currency,"
        + " expected_close_date, stage, status, created_at, updated_at, closed_at)"
        + " values (0, ?, 'project-sales-funnel', ?, ?, 'season-rep', ?, 'CNY', null, ?, ?, ?, ?, ?)",
        code, "Seasonal " + code, orgUnit, BigDecimal.valueOf(amount), stage, status, created,
        closed == null ? created : closed, closed);
  }

  private void interval(String code, String stage, int order, OffsetDateTime entered, OffsetDateTime left, String outcome) {
    jdbc.update("insert into stage_interval (opportunity_code, process_key, stage, stage_order, entered_at,"
        + " left_at, outcome, source) values (?, 'project-sales-funnel', ?, ?, ?, ?, ?, 'ENGINE')",
        code, stage, order, entered, left, outcome);
  }

  private static OffsetDateTime at(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }
}
