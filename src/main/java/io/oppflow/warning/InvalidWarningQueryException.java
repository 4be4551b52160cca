package io.oppflow.warning;

/** A warning query parameter is not valid. */
public class InvalidWarningQueryException extends RuntimeException {

  private final String field;

  public InvalidWarningQueryException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
