package io.oppflow.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements the database ran, from {@code pg_stat_statements} ({@code track = all}): {@link #reset()} before an arm,
 * {@link #read()} after it. Each call of a statement counts once, grouped by what it touches. The bench's own
 * queries (the ones that name {@code pg_stat_*}) are left out.
 */
final class StatementCounts {

  /** The groups, in the order printed. */
  static final String[] GROUPS = {"act_ru_", "act_hi_", "act_ge_", "act_other", "ours", "tx", "nested"};
  private static final Pattern CAMUNDA_TABLE = Pattern.compile("\\bact_(ru|hi|ge|re|id)_");
  private static final Pattern TX = Pattern.compile("^\\s*(begin|commit|rollback|set|show|savepoint|release|reset|select 1\\s*$)");

  private final Connection connection;

  StatementCounts(Connection connection) {
    this.connection = connection;
  }

  void reset() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("select pg_stat_statements_reset()");
    }
  }

  /**
   * Calls per group since the last reset: a top-level statement by the first Camunda table it names (runtime,
   * history, bytes, or {@code act_other} for repository and identity), {@code ours} for the product's tables,
   * {@code tx} for transaction control; {@code nested} counts statements run inside functions and triggers.
   */
  Map<String, Long> read() throws SQLException {
    Map<String, Long> calls = new LinkedHashMap<>();
    for (String group : GROUPS) {
      calls.put(group, 0L);
    }
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("select query, toplevel, calls from pg_stat_statements"
            + " where dbid = (select oid from pg_database where datname = current_database())")) {
      while (rows.next()) {
        String query = rows.getString(1).toLowerCase(Locale.ROOT);
        if (query.contains("pg_stat_")) {
          continue;
        }
        calls.merge(rows.getBoolean(2) ? group(query) : "nested", rows.getLong(3), Long::sum);
      }
    }
    return calls;
  }

  /** The {@code n} top-level statements called most since the last reset, as "calls  query" lines. */
  List<String> top(int n) throws SQLException {
    List<String> lines = new java.util.ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("select calls, query from pg_stat_statements where toplevel"
            + " and dbid = (select oid from pg_database where datname = current_database())"
            + " and query not like '%pg_stat_%' order by calls desc limit " + n)) {
      while (rows.next()) {
        lines.add(rows.getLong(1) + "  " + rows.getString(2).replaceAll("\\s+", " "));
      }
    }
    return lines;
  }

  static String group(String query) {
    if (TX.matcher(query).find()) {
      return "tx";
    }
    Matcher camunda = CAMUNDA_TABLE.matcher(query);
    if (camunda.find()) {
      String kind = camunda.group(1);
      return kind.equals("re") || kind.equals("id") ? "act_other" : "act_" + kind + "_";
    }
    return "ours";
  }

  /** Every statement, also those run inside functions, triggers and foreign-key checks. */
  static long all(Map<String, Long> calls) {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Top-level statements: what the service sent. */
  static long sent(Map<String, Long> calls) {
    return calls.entrySet().stream().filter(e -> !e.getKey().equals("nested")).mapToLong(Map.Entry::getValue).sum();
  }
}
