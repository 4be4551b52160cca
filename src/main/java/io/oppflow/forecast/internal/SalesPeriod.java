package io.oppflow.forecast.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period to forecast: a year ({@code 2027}), a quarter ({@code 2027-Q1}) or a month
 * ({@code 2027-03}); it runs from {@code start} (inclusive) to {@code end} (exclusive), days in UTC.
 */
public record SalesPeriod(String label, LocalDate start, LocalDate end, int months) {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

  /** Parses a period, or throws {@link IllegalArgumentException} saying what is accepted. */
  static SalesPeriod parse(String text) {
    String t = text == null ? "" : text.strip();
    Matcher m;
    if ((m = YEAR.matcher(t)).matches()) {
      return of(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1), 12);
    }
    if ((m = QUARTER.matcher(t)).matches()) {
      return of(LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1), 3);
    }
    if ((m = MONTH.matcher(t)).matches()) {
      return of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1), 1);
    }
    throw new IllegalArgumentException("'" + t + "' 不是期间：请用年份（2027）、季度（2027-Q1）或月份（2027-03） / '" + t
        + "' is not a period: use a year (2027), a quarter (2027-Q1) or a month (2027-03)");
  }

  private static SalesPeriod of(LocalDate start, int months) {
    String label = switch (months) {
      case 12 -> String.valueOf(start.getYear());
      case 3 -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
      default -> YearMonth.from(start).toString();
    };
    return new SalesPeriod(label, start, start.plusMonths(months), months);
  }

  /** The period of the same length that ends where this one starts. */
  SalesPeriod previous() {
    return of(start.minusMonths(months), months);
  }

  /** The same period a year earlier (for a year: the year before, as {@link #previous()}). */
  SalesPeriod yearBefore() {
    return of(start.minusYears(1), months);
  }

  OffsetDateTime startInstant() {
    return start.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  OffsetDateTime endInstant() {
    return end.atStartOfDay().atOffset(ZoneOffset.UTC);
  }
}
