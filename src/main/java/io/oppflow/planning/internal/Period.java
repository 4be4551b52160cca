package io.oppflow.planning.internal;

import io.oppflow.shared.Refusals;
import io.oppflow.shared.InvalidRequestException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A planning period: a year ({@code 2027}), a quarter ({@code 2027-Q1}) or a month ({@code 2027-03}),
 * as the days [from, to) in UTC.
 */
public record Period(String label, LocalDate from, LocalDate to) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

  public static boolean isPeriod(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  /** The period named by {@code text}; 400 naming {@code field} if it is none. */
  public static Period parse(String text, String field) {
    Matcher m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches()) {
      throw InvalidRequestException.of(field, Refusals.PERIOD);
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      LocalDate from = LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
      return new Period(text, from, from.plusMonths(3));
    }
    if (m.group(3) != null) {
      LocalDate from = LocalDate.of(year, Integer.parseInt(m.group(3)), 1);
      return new Period(text, from, from.plusMonths(1));
    }
    return new Period(text, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
  }

  /** The period of the same kind just before this one (2027-Q1 → 2026-Q4). */
  public Period previous() {
    if (label.contains("-Q")) {
      LocalDate from = this.from.minusMonths(3);
      return new Period(from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1), from, this.from);
    }
    if (label.length() == 7) {
      LocalDate from = this.from.minusMonths(1);
      return new Period(String.format("%d-%02d", from.getYear(), from.getMonthValue()), from, this.from);
    }
    return new Period(Integer.toString(from.getYear() - 1), from.minusYears(1), from);
  }
}
