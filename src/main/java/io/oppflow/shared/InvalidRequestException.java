package io.oppflow.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request's input is not acceptable: 400, each error naming its field. */
public class InvalidRequestException extends ProblemException {

  public InvalidRequestException(List<FieldError> errors) {
    super(HttpStatus.BAD_REQUEST, "Invalid request", detail(errors), errors, null);
  }

  /** The same refusal told in other words, e.g. a form's: the detail names the fields as the user sees them. */
  public InvalidRequestException(String detail, List<FieldError> errors, Throwable cause) {
    super(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors, cause);
  }

  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new FieldError(field, message)));
  }

  private static String detail(List<FieldError> errors) {
    return errors.isEmpty() ? "Invalid request" : errors.get(0).field() + ": " + errors.get(0).message();
  }
}
