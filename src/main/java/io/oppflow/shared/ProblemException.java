package io.oppflow.shared;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal that knows how it is answered: its HTTP status, a title, a detail safe to show a user and,
 * for invalid input, the fields at fault ({@code errors: [{field, message}]}). Modules throw subclasses
 * named for what went wrong; the API's problem advice and the engine REST mapper answer every one of
 * them the same way, also when an engine command wraps it.
 */
public class ProblemException extends ErrorResponseException {

  private final String title;
  private final String detail;
  private final transient List<FieldError> errors;

  public ProblemException(HttpStatus status, String title, String detail) {
    this(status, title, detail, List.of(), null);
  }

  public ProblemException(HttpStatus status, String title, String detail, List<FieldError> errors, Throwable cause) {
    super(status, body(status, title, detail, errors), cause);
    this.title = title;
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  private static ProblemDetail body(HttpStatus status, String title, String detail, List<FieldError> errors) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    if (!errors.isEmpty()) {
      p.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    }
    return p;
  }

  public HttpStatus status() {
    return HttpStatus.valueOf(getStatusCode().value());
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** The fields at fault; empty unless the input was invalid. */
  public List<FieldError> errors() {
    return errors;
  }

  /** The detail, as the engine shows it when a listener's exception ends a task completion. */
  @Override
  public String getMessage() {
    return detail;
  }
}
