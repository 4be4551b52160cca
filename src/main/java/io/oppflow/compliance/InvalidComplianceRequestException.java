package io.oppflow.compliance;

/** A compliance query parameter that cannot be used, named by {@link #field()}. */
public class InvalidComplianceRequestException extends RuntimeException {

  private final String field;

  public InvalidComplianceRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
