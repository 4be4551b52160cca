package io.oppflow.forecast.internal;

import io.oppflow.organization.OrgUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The SQL behind forecasts: the open pipeline (now or at a past instant), stage win rates, amounts won. */
@Repository
@Transactional(readOnly = true)
public class ForecastData {

  private static final RowMapper<PipelineEntry> ENTRY = (rs, i) -> new PipelineEntry(rs.getString("code"),
      rs.getString("owner"), rs.getString("org_unit"), rs.getString("stage"), rs.getBigDecimal("amount"),
      rs.getObject("expected_close_date", LocalDate.class));

  private final JdbcTemplate jdbc;

  ForecastData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Open opportunities now, in their current stage, expected to close in the period. */
  List<PipelineEntry> openNow(ForecastScope scope, SalesPeriod period) {
    List<Object> args = new ArrayList<>(List.of(scope.processKey(), period.start(), period.end()));
    String sql = "select o.code, o.owner, o.org_unit, o.stage, o.amount, o.expected_close_date from opportunity o"
        + " where o.process_key = ? and o.status = 'OPEN' and o.stage is not null"
        + " and o.expected_close_date >= ? and o.expected_close_date < ?" + scopeFilter(scope, args)
        + " order by o.code";
    return jdbc.query(sql, ENTRY, args.toArray());
  }

  /**
   * Opportunities open at {@code at}, in the stage they were in at that instant (from the stage
   * intervals), whose expected close date falls in the period.
   */
  List<PipelineEntry> openAt(ForecastScope scope, OffsetDateTime at, SalesPeriod period) {
    List<Object> args = new ArrayList<>(List.of(scope.processKey(), at, at, at, at, period.start(), period.end()));
    String sql = "select o.code, o.owner, o.org_unit, si.stage, o.amount, o.expected_close_date from opportunity o"
        + " join stage_interval si on si.opportunity_code = o.code and si.process_key = o.process_key"
        + " where o.process_key = ? and si.entered_at <= ? and (si.left_at is null or si.left_at > ?)"
        + " and o.created_at <= ? and (o.closed_at is null or o.closed_at > ?)"
        + " and o.expected_close_date >= ? and o.expected_close_date < ?" + scopeFilter(scope, args)
        + " order by o.code, si.entered_at";
    // Should two intervals overlap (a projection glitch), the later-entered stage counts, once.
    Map<String, PipelineEntry> byCode = new LinkedHashMap<>();
    jdbc.query(sql, ENTRY, args.toArray()).forEach(e -> byCode.put(e.code(), e));
    return List.copyOf(byCode.values());
  }

  /** Per stage: of the opportunities that entered it in [from, to), how many were won or lost before {@code to}. */
  Map<String, StageWinRate> winRates(ForecastScope scope, OffsetDateTime from, OffsetDateTime to) {
    List<Object> args = new ArrayList<>(List.of(to, to, scope.processKey(), from, to));
    String sql = "select si.stage,"
        + " count(distinct case when o.status = 'WON' and o.closed_at < ? then o.code end) as won,"
        + " count(distinct case when o.status = 'LOST' and o.closed_at < ? then o.code end) as lost,"
        + " count(distinct o.code) as entered"
        + " from stage_interval si join opportunity o on o.code = si.opportunity_code"
        + " where si.process_key = ? and si.entered_at >= ? and si.entered_at < ?" + scopeFilter(scope, args)
        + " group by si.stage";
    Map<String, StageWinRate> rates = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      long won = rs.getLong("won");
      long lost = rs.getLong("lost");
      rates.put(rs.getString("stage"), new StageWinRate(rs.getString("stage"), won, lost, rs.getLong("entered") - won - lost));
    }, args.toArray());
    return rates;
  }

  /**
   * Every opportunity open at {@code at} (created at or before it, not closed at it), in the stage it was in then
   * and since when (from the stage intervals), with when it was won if it was; expected close dates play no part.
   */
  List<OpenDeal> openDealsAt(ForecastScope scope, OffsetDateTime at) {
    List<Object> args = new ArrayList<>(List.of(scope.processKey(), at, at, at, at));
    String sql = "select o.code, o.owner, o.org_unit, si.stage, o.amount, si.entered_at,"
        + " case when o.status = 'WON' then o.closed_at end as won_at from opportunity o"
        + " join stage_interval si on si.opportunity_code = o.code and si.process_key = o.process_key"
        + " where o.process_key = ? and si.entered_at <= ? and (si.left_at is null or si.left_at > ?)"
        + " and o.created_at <= ? and (o.closed_at is null or o.closed_at > ?)" + scopeFilter(scope, args)
        + " order by o.code, si.entered_at";
    // As openAt: should two intervals overlap, the later-entered stage counts, once.
    Map<String, OpenDeal> byCode = new LinkedHashMap<>();
    jdbc.query(sql, (rs, i) -> new OpenDeal(rs.getString("code"), rs.getString("owner"), rs.getString("org_unit"),
        rs.getString("stage"), rs.getBigDecimal("amount"), rs.getObject("entered_at", OffsetDateTime.class),
        rs.getObject("won_at", OffsetDateTime.class)), args.toArray()).forEach(d -> byCode.put(d.code(), d));
    return List.copyOf(byCode.values());
  }

  /** When the scope's history begins: its first opportunity's creation (empty if it has none). */
  Optional<OffsetDateTime> historyStart(ForecastScope scope) {
    List<Object> args = new ArrayList<>(List.of(scope.processKey()));
    String sql = "select min(o.created_at) from opportunity o where o.process_key = ?" + scopeFilter(scope, args);
    return Optional.ofNullable(jdbc.queryForObject(sql, OffsetDateTime.class, args.toArray()));
  }

  /** The amount of the opportunities won in [from, to). */
  BigDecimal wonBetween(ForecastScope scope, OffsetDateTime from, OffsetDateTime to) {
    List<Object> args = new ArrayList<>(List.of(scope.processKey(), from, to));
    String sql = "select coalesce(sum(o.amount), 0) from opportunity o where o.process_key = ? and o.status = 'WON'"
        + " and o.closed_at >= ? and o.closed_at < ?" + scopeFilter(scope, args);
    return jdbc.queryForObject(sql, BigDecimal.class, args.toArray());
  }

  /** The amount of the opportunities won in the period. */
  BigDecimal wonIn(ForecastScope scope, SalesPeriod period) {
    return wonBetween(scope, period.startInstant(), period.endInstant());
  }

  private static String scopeFilter(ForecastScope scope, List<Object> args) {
    StringBuilder sql = new StringBuilder();
    scope.owner().ifPresent(owner -> {
      sql.append(" and o.owner = ?");
      args.add(owner);
    });
    scope.orgUnit().ifPresent(unit -> {
      sql.append(" and ").append(OrgUnit.sqlCondition("o.org_unit"));
      args.addAll(new OrgUnit(unit).sqlArguments());
    });
    return sql.toString();
  }
}
