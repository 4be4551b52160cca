package io.oppflow.funnel;

import io.oppflow.organization.OrgUnit;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The funnel's two aggregations, done by the database in portable SQL (H2 and PostgreSQL): per group and
 * stage over the stage intervals, and per group and status over the opportunities.
 */
@Component
class FunnelMetricsQuery {

  /** One group's figures for one stage; dwell figures are over the intervals already left (null if none). */
  record StageRow(String key, String stage, long entered, long advanced, long lost, long left, long open,
      Double avgDwellDays, Double medianDwellDays, Double p90DwellDays) {}

  /** One group's opportunities of one status at one (current) stage, with their amount and summed cycle days. */
  record OutcomeRow(String key, String status, String stage, long count, BigDecimal amount, double cycleDaysSum) {}

  /**
   * Dwell in seconds, null while the stage is open (so aggregates skip it): a column the database computes
   * from left_at and entered_at (V50), so the query aggregates and sorts plain numbers.
   */
  private static final String DWELL = "si.dwell_seconds";

  /**
   * The intervals whose dwell is true history: those the engine timed, and imported ones the file dated at both
   * ends ({@code timed}, V61). Where the import filled in a date by its rules (a stage passed at a date the file
   * does not give, all the time in one stage), the dwell is a guess, and stays out.
   */
  private static final String TIMED = "(si.source = 'ENGINE' or si.timed)";

  /** The dwell the dwell figures are over: that of the {@link #TIMED} intervals, null for the others. */
  private static final String MEASURED_DWELL = "case when " + TIMED + " then si.dwell_seconds end";

  private static String days(String secondsAggregate) {
    return secondsAggregate + " / 86400.0";
  }

  private static String intervalDays(String intervalAggregate) {
    return "cast(extract(epoch from " + intervalAggregate + ") as double precision) / 86400.0";
  }

  private final NamedParameterJdbcTemplate jdbc;
  private volatile Boolean postgres;

  FunnelMetricsQuery(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the database is PostgreSQL (the stage query then takes a faster, PostgreSQL-only form). */
  private boolean postgres() {
    if (postgres == null) {
      postgres = Boolean.TRUE.equals(jdbc.getJdbcTemplate().execute((java.sql.Connection c) ->
          c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
    }
    return postgres;
  }

  /**
   * Whether {@link #stages} is fastest asked once per stage, the stages side by side: on PostgreSQL, unsliced, each
   * stage is one range of the funnel index (V54), and the percentiles of one query would be taken on one core.
   */
  boolean splitsByStage(FunnelGrouping grouping) {
    return postgres() && grouping == FunnelGrouping.NONE;
  }

  List<StageRow> stages(FunnelFilter filter, FunnelGrouping grouping) {
    return stages(filter, grouping, null);
  }

  /** The rows of {@link #stages(FunnelFilter, FunnelGrouping)} of one stage ({@code stage} not null) or of all. */
  List<StageRow> stages(FunnelFilter filter, FunnelGrouping grouping, String stage) {
    MapSqlParameterSource params = new MapSqlParameterSource("process", filter.process());
    String key = grouping.keyExpression(keyAlias(grouping, filter), "si.entered_at");
    boolean pg = postgres();
    boolean presorted = pg && grouping == FunnelGrouping.NONE;
    StringBuilder sql = new StringBuilder();
    if (pg && !presorted) {
      // PostgreSQL, sliced: count and collect the dwells per group in a (parallel) hash aggregate, then take both
      // percentiles of each group's small array; sorting all intervals by the text group key cost more. The
      // lateral join computes the percentiles once per group: as a subquery in the select list, referenced
      // twice (p[1], p[2]), PostgreSQL inlined it and ran it twice.
      sql.append("select g.group_key, g.stage, g.entered, g.advanced, g.lost, g.left_other, g.still_open,")
          .append(" ").append(days("g.avg_seconds")).append(" as avg_dwell,")
          .append(" ").append(days("pc.p[1]")).append(" as median_dwell,")
          .append(" ").append(days("pc.p[2]")).append(" as p90_dwell")
          .append(" from (");
    }
    sql.append("select ").append(key).append(" as group_key, si.stage,")
        .append(" count(*) as entered,")
        .append(" sum(case when si.outcome = 'ADVANCED' then 1 else 0 end) as advanced,")
        .append(" sum(case when si.outcome = 'LOST' then 1 else 0 end) as lost,")
        .append(" sum(case when si.outcome = 'LEFT' then 1 else 0 end) as left_other,")
        .append(" sum(case when " + DWELL + " is null then 1 else 0 end) as still_open,");
    if (presorted) {
      // PostgreSQL, one group: the index ix_stage_interval_funnel (V54) hands the intervals over sorted by stage and
      // dwell, so both percentiles read presorted input (PostgreSQL 16+) in the same pass that counts; no hash
      // table, no arrays, no second sort
      sql.append(" ").append(days("avg(si.dwell_seconds) filter (where " + TIMED + ")")).append(" as avg_dwell,")
          .append(" ").append(days("percentile_cont(0.5) within group (order by si.dwell_seconds) filter (where " + TIMED + ")"))
          .append(" as median_dwell,")
          .append(" ").append(days("percentile_cont(0.9) within group (order by si.dwell_seconds) filter (where " + TIMED + ")"))
          .append(" as p90_dwell");
    } else if (pg) {
      sql.append(" avg(" + MEASURED_DWELL + ") as avg_seconds,")
          .append(" array_agg(" + DWELL + ") filter (where " + DWELL + " is not null and " + TIMED + ") as dwells");
    } else {
      sql.append(" ").append(days("avg(" + MEASURED_DWELL + ")")).append(" as avg_dwell,")
          .append(" ").append(days("percentile_cont(0.5) within group (order by " + MEASURED_DWELL + ")")).append(" as median_dwell,")
          .append(" ").append(days("percentile_cont(0.9) within group (order by " + MEASURED_DWELL + ")")).append(" as p90_dwell");
    }
    sql.append(" from stage_interval si");
    if (filter.ownerAt() == OwnerAt.CURRENT) {
      sql.append(" join opportunity o on o.code = si.opportunity_code");
    }
    sql.append(" where si.process_key = :process");
    if (stage != null) {
      sql.append(" and si.stage = :stage");
      params.addValue("stage", stage);
    }
    period(sql, params, "si.entered_at", filter, pg);
    sliceFilters(sql, params, "si", holder(filter), filter);
    sql.append(" group by ");
    if (grouping != FunnelGrouping.NONE) {
      sql.append(key).append(", ");
    }
    sql.append("si.stage");
    if (pg && !presorted) {
      sql.append(") g cross join lateral (select percentile_cont(array[0.5, 0.9]) within group (order by d) as p")
          .append(" from unnest(g.dwells) d) pc");
    }
    return jdbc.query(sql.toString(), params, (rs, i) -> new StageRow(grouping.label(rs.getObject("group_key")),
        rs.getString("stage"), rs.getLong("entered"), rs.getLong("advanced"), rs.getLong("lost"),
        rs.getLong("left_other"), rs.getLong("still_open"), dbl(rs, "avg_dwell"), dbl(rs, "median_dwell"),
        dbl(rs, "p90_dwell")));
  }

  /**
   * The date an opportunity's outcome is sliced by: an open one's creation, a won or lost one's close.
   */
  private static final String OUTCOME_DATE = "case when o.status = 'OPEN' then o.created_at else o.closed_at end";

  /** Won and lost opportunities closed in the period; open ones created before its end (or all open ones). */
  List<OutcomeRow> outcomes(FunnelFilter filter, FunnelGrouping grouping) {
    MapSqlParameterSource params = new MapSqlParameterSource("process", filter.process());
    String key = grouping.keyExpression("o", OUTCOME_DATE);
    StringBuilder sql = new StringBuilder("select ").append(key).append(" as group_key, o.status, o.stage,")
        .append(" count(*) as n, sum(o.amount) as amount,")
        .append(" ").append(intervalDays("sum(case when o.status = 'WON' then o.closed_at - o.created_at end)")).append(" as cycle_days")
        .append(" from opportunity o where ");
    outcomeConditions(sql, params, filter);
    sql.append(" group by ");
    if (grouping != FunnelGrouping.NONE) {
      sql.append(key).append(", ");
    }
    sql.append("o.status, o.stage");
    return jdbc.query(sql.toString(), params, (rs, i) -> new OutcomeRow(grouping.label(rs.getObject("group_key")),
        rs.getString("status"), rs.getString("stage"), rs.getLong("n"),
        rs.getBigDecimal("amount") == null ? BigDecimal.ZERO : rs.getBigDecimal("amount"), rs.getDouble("cycle_days")));
  }

  /**
   * The opportunities {@link #outcomes} counts, of one status (and the group {@code group} of the grouping), the
   * latest outcome first: the same conditions, so the list holds as many as the won / lost / open figure.
   */
  FunnelOutcomes outcomeList(FunnelFilter filter, FunnelGrouping grouping, String group, String status, int page,
      int size) {
    MapSqlParameterSource params = new MapSqlParameterSource("process", filter.process()).addValue("status", status);
    StringBuilder where = new StringBuilder(" from opportunity o where ");
    outcomeConditions(where, params, filter);
    where.append(" and o.status = :status");
    if (grouping != FunnelGrouping.NONE) {
      where.append(" and ").append(grouping.groupCondition("o", OUTCOME_DATE, group, params));
    }
    Map<String, Object> sums = jdbc.queryForMap("select count(*) as n, coalesce(sum(o.amount), 0) as amount" + where, params);
    long total = ((Number) sums.get("n")).longValue();
    BigDecimal amount = sums.get("amount") instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(sums.get("amount")));
    params.addValue("limit", size).addValue("offset", (long) page * size);
    List<FunnelOutcomes.Item> content = jdbc.query("select o.code, o.name, o.customer_name, o.owner, o.org_unit,"
        + " o.stage, o.status, o.amount, o.currency, o.expected_close_date, o.created_at, o.closed_at" + where
        + " order by " + OUTCOME_DATE + " desc, o.code limit :limit offset :offset", params, (rs, i) ->
        new FunnelOutcomes.Item(rs.getString("code"), rs.getString("name"), rs.getString("customer_name"),
            rs.getString("owner"), rs.getString("org_unit"), rs.getString("stage"), rs.getString("status"),
            rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("expected_close_date", LocalDate.class),
            instant(rs, "created_at"), instant(rs, "closed_at")));
    return new FunnelOutcomes(filter.process(), OwnerAt.OF_OPPORTUNITY, status, grouping == FunnelGrouping.NONE ? null : group, total,
        amount, page, size, content);
  }

  /**
   * What {@link #outcomes} and {@link #outcomeList} count, on opportunity {@code o}: of the process, won or lost in
   * the period or open and created before its end, within the slice filters.
   */
  private void outcomeConditions(StringBuilder sql, MapSqlParameterSource params, FunnelFilter filter) {
    boolean pg = postgres();
    sql.append("o.process_key = :process and ((o.status in ('WON', 'LOST')");
    period(sql, params, "o.closed_at", filter, pg);
    sql.append(") or (o.status = 'OPEN'");
    if (filter.to() != null) {
      sql.append(" and o.created_at < ").append(bound(params, "openBefore", filter.to(), pg));
    }
    sql.append("))");
    sliceFilters(sql, params, "o", "o", filter);
  }

  /**
   * The stage entries a stage's figure counts (in the group {@code group} of the grouping), newest first, with
   * their opportunity: the same conditions as {@link #stages}, so the list holds as many as the figure.
   */
  FunnelEntries entries(FunnelFilter filter, FunnelGrouping grouping, String group, String stage, FunnelFigure figure,
      int page, int size) {
    MapSqlParameterSource params = new MapSqlParameterSource("process", filter.process()).addValue("stage", stage);
    StringBuilder where = new StringBuilder(" from stage_interval si join opportunity o on o.code = si.opportunity_code")
        .append(" where si.process_key = :process and si.stage = :stage and ").append(figure.condition());
    period(where, params, "si.entered_at", filter, false);
    sliceFilters(where, params, "si", holder(filter), filter);
    if (grouping != FunnelGrouping.NONE) {
      where.append(" and ").append(grouping.groupCondition(keyAlias(grouping, filter), "si.entered_at", group, params));
    }
    Long total = jdbc.queryForObject("select count(*)" + where, params, Long.class);
    params.addValue("limit", size).addValue("offset", (long) page * size);
    String who = holder(filter);
    List<FunnelEntries.Entry> content = jdbc.query("select o.code, o.name, o.customer_name, " + who + ".owner, "
        + who + ".org_unit,"
        + " si.stage, si.entered_at, si.left_at, si.outcome, o.status, o.stage as current_stage, o.amount, o.currency"
        + where + " order by si.entered_at desc, si.id desc limit :limit offset :offset", params, (rs, i) ->
        new FunnelEntries.Entry(rs.getString("code"), rs.getString("name"), rs.getString("customer_name"),
            rs.getString("owner"), rs.getString("org_unit"), rs.getString("stage"), instant(rs, "entered_at"),
            instant(rs, "left_at"), rs.getString("outcome"), rs.getString("status"), rs.getString("current_stage"),
            rs.getBigDecimal("amount"), rs.getString("currency")));
    return new FunnelEntries(filter.process(), filter.ownerAt(), stage, figure.apiName(), grouping == FunnelGrouping.NONE ? null : group,
        total == null ? 0 : total, page, size, content);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }

  /** The owners of the opportunities under an org unit of a process: the reps who carry its targets. */
  List<String> owners(String process, String orgUnit) {
    MapSqlParameterSource params = new MapSqlParameterSource("process", process);
    StringBuilder sql = new StringBuilder("select distinct o.owner from opportunity o where o.process_key = :process");
    sliceFilters(sql, params, "o", "o", FunnelFilter.of(orgUnit, null, null, process));
    sql.append(" order by o.owner");
    return jdbc.queryForList(sql.toString(), params, String.class);
  }

  /**
   * The period's bounds. On PostgreSQL they are written as literals (dates, so nothing to escape): as bind
   * parameters, once the driver prepares the statement on the server (5th execution on), PostgreSQL plans
   * it generically, with a guessed selectivity for the range, and the stage query took twice as long.
   */
  private static void period(StringBuilder sql, MapSqlParameterSource params, String column, FunnelFilter filter,
      boolean literal) {
    String name = column.replace('.', '_');
    if (filter.from() != null) {
      sql.append(" and ").append(column).append(" >= ").append(bound(params, name + "_from", filter.from(), literal));
    }
    if (filter.to() != null) {
      sql.append(" and ").append(column).append(" < ").append(bound(params, name + "_to", filter.to(), literal));
    }
  }

  private static String bound(MapSqlParameterSource params, String name, LocalDate day, boolean literal) {
    if (literal) {
      return "timestamp with time zone '" + day + " 00:00:00+00'";
    }
    params.addValue(name, start(day));
    return ":" + name;
  }

  /**
   * The filters on the opportunity's slices, on {@code alias}: opportunity, or stage_interval which carries
   * copies of them (V30), so that the stage query needs no join; owner and org unit on {@code holder}
   * ({@link #holder}).
   */
  private static void sliceFilters(StringBuilder sql, MapSqlParameterSource params, String alias, String holder,
      FunnelFilter filter) {
    String a = alias + ".";
    equal(sql, params, holder + ".owner", "owner", filter.owner());
    equal(sql, params, a + "region", "region", filter.region());
    equal(sql, params, a + "project_type", "projectType", filter.projectType());
    equal(sql, params, a + "customer_type", "customerType", filter.customerType());
    if (filter.orgUnit() != null) {
      sql.append(" and ").append(OrgUnit.sqlCondition(holder + ".org_unit", "orgUnit"));
      params.addValues(new OrgUnit(filter.orgUnit()).namedArguments("orgUnit"));
    }
  }

  /**
   * The table whose owner and org unit a stage entry is counted under: the interval's own copy, made when the stage
   * was entered ({@link OwnerAt#ENTRY}), or the opportunity's now ({@link OwnerAt#CURRENT}, joined as {@code o}).
   */
  private static String holder(FunnelFilter filter) {
    return filter.ownerAt() == OwnerAt.CURRENT ? "o" : "si";
  }

  /** The alias a stage entry's group key is read from: the holder's for owner and org unit, the interval's else. */
  private static String keyAlias(FunnelGrouping grouping, FunnelFilter filter) {
    return grouping == FunnelGrouping.OWNER || grouping == FunnelGrouping.ORG_UNIT ? holder(filter) : "si";
  }

  private static void equal(StringBuilder sql, MapSqlParameterSource params, String column, String name, String value) {
    if (value != null) {
      sql.append(" and ").append(column).append(" = :").append(name);
      params.addValue(name, value);
    }
  }

  /** Periods are calendar days in UTC. */
  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static Double dbl(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }
}
