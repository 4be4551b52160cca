package io.oppflow.funnel;

import java.util.List;

/** A funnel or planning request that cannot be answered as asked; each error names its field. */
public class InvalidFunnelRequestException extends RuntimeException {

  /** One invalid field or parameter and what is wrong with it. */
  public record FieldError(String field, String message) {}

  private final transient List<FieldError> errors;

  public InvalidFunnelRequestException(List<FieldError> errors) {
    super("Invalid funnel request: " + errors);
    this.errors = List.copyOf(errors);
  }

  public static InvalidFunnelRequestException of(String field, String message) {
    return new InvalidFunnelRequestException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
