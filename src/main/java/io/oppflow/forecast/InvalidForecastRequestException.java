package io.oppflow.forecast;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A forecast parameter is not acceptable: 400 with {@code errors: [{field, message}]}. It carries its
 * own problem detail (Spring's {@link ErrorResponseException}), so the problem advice needs no
 * forecast-specific handler and the forecast module adds no dependency to it.
 */
class InvalidForecastRequestException extends ErrorResponseException {

  InvalidForecastRequestException(String field, String message) {
    super(HttpStatus.BAD_REQUEST, problem(field, message), null);
  }

  private static ProblemDetail problem(String field, String message) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
    p.setTitle("Invalid request");
    p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    return p;
  }
}
