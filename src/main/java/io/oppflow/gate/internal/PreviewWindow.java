package io.oppflow.gate.internal;

import io.oppflow.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The gate records a rule-change preview replays: those evaluated at or after {@code from} and before {@code to}.
 * A date is a whole day in UTC, as in the compliance audit ({@code to} included); a date-time with an offset is
 * an instant, for a finer window.
 */
record PreviewWindow(Instant from, Instant to) {

  static final Duration DEFAULT_LENGTH = Duration.ofDays(90);

  /** The window of the request's {@code from} and {@code to}, each optional: by default the last 90 days. */
  static PreviewWindow of(String from, String to, Clock clock) {
    Instant end = blank(to) ? clock.instant() : parse("to", to, true);
    Instant start = blank(from) ? end.minus(DEFAULT_LENGTH) : parse("from", from, false);
    if (!start.isBefore(end)) {
      throw InvalidRequestException.of("from", "开始须早于结束 / must be before 'to'");
    }
    return new PreviewWindow(start, end);
  }

  private static Instant parse(String field, String value, boolean end) {
    String text = value.strip();
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw InvalidRequestException.of(field, "须为日期（如 2026-12-01）或带时区的时间（如 2026-12-01T08:00:00Z） / "
          + "must be a date such as 2026-12-01 or a date-time with offset such as 2026-12-01T08:00:00Z");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
