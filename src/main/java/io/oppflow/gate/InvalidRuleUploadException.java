package io.oppflow.gate;

/** The upload request itself is malformed (as opposed to rules that do not compile). */
public class InvalidRuleUploadException extends RuntimeException {

  private final String field;

  public InvalidRuleUploadException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
