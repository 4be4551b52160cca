package io.oppflow.funnel;

import io.oppflow.shared.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * How to slice the funnel (漏斗划分). Time slices use the date of the event counted: a stage entry its
 * entered_at, a win or loss its closed_at, an open opportunity its created_at.
 */
public enum FunnelGrouping {
  NONE(null),
  OWNER("owner"),
  ORG_UNIT("org_unit"),
  REGION("region"),
  PROJECT_TYPE("project_type"),
  CUSTOMER_TYPE("customer_type"),
  YEAR(null),
  QUARTER(null),
  MONTH(null);

  private final String column;

  FunnelGrouping(String column) {
    this.column = column;
  }

  /** The grouping named in the API ({@code owner}, {@code orgUnit}, ... ; null or blank = none). */
  public static FunnelGrouping parse(String groupBy) {
    if (groupBy == null || groupBy.isBlank()) {
      return NONE;
    }
    return Arrays.stream(values()).filter(g -> g != NONE && g.apiName().equals(groupBy)).findFirst()
        .orElseThrow(() -> InvalidRequestException.of("groupBy",
            "须为 owner、orgUnit、region、projectType、customerType、year、quarter 或 month 之一 / "
            + "must be one of owner, orgUnit, region, projectType, customerType, year, quarter, month"));
  }

  public String apiName() {
    String[] words = name().toLowerCase(Locale.ROOT).split("_");
    return words.length == 1 ? words[0] : words[0] + Character.toUpperCase(words[1].charAt(0)) + words[1].substring(1);
  }

  /** The SQL expression of the group key, for an event dated by {@code dateColumn}, of the table {@code alias}
   * (stage_interval and opportunity have the same slice columns). */
  String keyExpression(String alias, String dateColumn) {
    return switch (this) {
      case NONE -> "'all'";
      case YEAR -> year(dateColumn);
      case QUARTER -> year(dateColumn) + " * 100 + cast(extract(quarter from " + dateColumn + ") as integer)";
      case MONTH -> year(dateColumn) + " * 100 + cast(extract(month from " + dateColumn + ") as integer)";
      default -> "coalesce(" + alias + "." + column + ", '')";
    };
  }

  /**
   * The SQL condition that an event dated by {@code dateColumn} of {@code alias} is in the group the API shows as
   * {@code label} (the reverse of {@link #label}); 400 naming {@code group} if the label is not one of this grouping.
   */
  String groupCondition(String alias, String dateColumn, String label, MapSqlParameterSource params) {
    Object key = switch (this) {
      case NONE -> null;
      case YEAR -> periodKey(label, "\\d{4}");
      case QUARTER -> periodKey(label, "\\d{4}-Q[1-4]");
      case MONTH -> periodKey(label, "\\d{4}-(0[1-9]|1[0-2])");
      default -> label;
    };
    if (key == null) {
      return "1 = 1";
    }
    params.addValue("groupKey", key);
    return keyExpression(alias, dateColumn) + " = :groupKey";
  }

  /** 2027 → 2027, 2027-Q1 → 202701, 2027-03 → 202703: the number {@link #keyExpression} computes. */
  private static Integer periodKey(String label, String pattern) {
    if (label == null || !label.matches(pattern)) {
      throw InvalidRequestException.of("group", "不是该分组的期间，如 2027、2027-Q1 或 2027-03 / "
          + "is not a period of the grouping, such as 2027, 2027-Q1 or 2027-03");
    }
    return Integer.valueOf(label.replace("-Q", "0").replace("-", ""));
  }

  /** The key as the API shows it: {@code 2027}, {@code 2027-Q1}, {@code 2027-03}, or the column's value. */
  String label(Object key) {
    if (key == null) {
      return "";
    }
    long n = key instanceof Number num ? num.longValue() : 0;
    return switch (this) {
      case YEAR -> Long.toString(n);
      case QUARTER -> (n / 100) + "-Q" + (n % 100);
      case MONTH -> String.format(Locale.ROOT, "%d-%02d", n / 100, n % 100);
      default -> key.toString();
    };
  }

  private static String year(String dateColumn) {
    return "cast(extract(year from " + dateColumn + ") as integer)";
  }
}
