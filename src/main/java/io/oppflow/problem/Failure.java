package io.oppflow.problem;

import io.oppflow.shared.FieldError;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.http.HttpStatus;

/**
 * What a door answers for a failure it recognises: status, title, a detail safe to show (bilingual or
 * from a domain exception), the fields at fault, the refusal's other problem properties (e.g. the
 * {@code choices} of a process not named) and, for an unavailable database, when to retry.
 *
 * @param properties the problem properties besides {@code errors}, as the refusal set them; never null
 */
record Failure(HttpStatus status, String title, String detail, Object errors, Map<String, Object> properties,
    Integer retryAfterSeconds) {

  Failure {
    properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }

  /** Seconds a client should wait before retrying while the database is unreachable. */
  static final int DATABASE_RETRY_AFTER_SECONDS = 5;

  static Failure of(HttpStatus status, String title, String detail) {
    return new Failure(status, title, detail, null, null, null);
  }

  /** A refusal that carries its own status and problem detail: ours, or Spring's, with every property it set. */
  static Failure of(ErrorResponse refusal) {
    ProblemDetail body = refusal.getBody();
    Map<String, Object> properties = body.getProperties() == null ? Map.of() : body.getProperties();
    Map<String, Object> others = new java.util.LinkedHashMap<>(properties);
    others.remove("errors");
    return new Failure(HttpStatus.valueOf(body.getStatus()), body.getTitle(), body.getDetail(),
        properties.get("errors"), others, null);
  }

  static Failure invalid(List<FieldError> errors) {
    String detail = errors.isEmpty() ? "Invalid request" : errors.get(0).field() + ": " + errors.get(0).message();
    return new Failure(HttpStatus.BAD_REQUEST, "Invalid request", detail,
        errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList(), null, null);
  }

  static Failure invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  static Failure databaseUnavailable() {
    return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
        "数据库暂时不可用，请稍后重试 / The database is unavailable for the moment; retry shortly", null, null,
        DATABASE_RETRY_AFTER_SECONDS);
  }

  /** A lock the request needed stayed taken for the database's lock timeout: the service is busy, not broken. */
  static Failure busy() {
    return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "Busy",
        "服务繁忙，未做任何更改，请稍后重试 / The service is busy; nothing was changed, retry shortly", null, null,
        DATABASE_RETRY_AFTER_SECONDS);
  }
}
