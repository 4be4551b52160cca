package io.oppflow.forecast.internal;

import io.oppflow.shared.InvalidRequestException;
import io.oppflow.shared.Refusals;
import java.time.Period;
import java.time.format.DateTimeParseException;

/** Reads and checks the query parameters forecasts share; each bad one is a 400 naming the field. */
public final class ForecastRequest {

  static final int DEFAULT_WINDOW_MONTHS = 12;
  static final int MAX_WINDOW_MONTHS = 120;
  static final int MAX_BACKTEST_PERIODS = 24;

  private ForecastRequest() {}

  static SalesPeriod period(String text) {
    if (text == null || text.isBlank()) {
      throw InvalidRequestException.of("period", "请填写期间：年份（2027）、季度（2027-Q1）或月份（2027-03） / "
          + "is required: a year (2027), a quarter (2027-Q1) or a month (2027-03)");
    }
    try {
      return SalesPeriod.parse(text);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("period", e.getMessage());
    }
  }

  static ForecastMethod method(String text) {
    try {
      return ForecastMethod.parse(text == null || text.isBlank() ? "weighted" : text);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("method", e.getMessage());
    }
  }

  /** The history window in months, from {@code window} (ISO-8601, e.g. P12M, P1Y) or {@code windowMonths}. */
  static int windowMonths(String window, Integer windowMonths) {
    if (window != null && !window.isBlank() && windowMonths != null) {
      throw InvalidRequestException.of("window", "window 与 windowMonths 只能填一个 / give window or windowMonths, not both");
    }
    int months;
    String field = "windowMonths";
    if (window != null && !window.isBlank()) {
      field = "window";
      try {
        Period p = Period.parse(window.strip());
        if (p.getDays() != 0) {
          throw InvalidRequestException.of("window", "须为整月或整年，如 P12M 或 P1Y / must be whole months or years, e.g. P12M or P1Y");
        }
        months = (int) p.toTotalMonths();
      } catch (DateTimeParseException e) {
        throw InvalidRequestException.of("window", "'" + window + "' 不是 ISO-8601 期间（如 P12M） / '" + window
            + "' is not an ISO-8601 period such as P12M");
      }
    } else {
      months = windowMonths == null ? DEFAULT_WINDOW_MONTHS : windowMonths;
    }
    if (months < 1 || months > MAX_WINDOW_MONTHS) {
      throw InvalidRequestException.of(field, "须在 1 到 " + MAX_WINDOW_MONTHS + " 个月之间 / must be between 1 and "
          + MAX_WINDOW_MONTHS + " months");
    }
    return months;
  }

  static int periods(Integer periods) {
    int n = periods == null ? 4 : periods;
    if (n < 1 || n > MAX_BACKTEST_PERIODS) {
      throw InvalidRequestException.of("periods", Refusals.between(1, MAX_BACKTEST_PERIODS));
    }
    return n;
  }
}
