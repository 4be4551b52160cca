package io.oppflow.opportunity;

import java.util.List;

/** The opportunity's facts or its request are not acceptable; each error names its field. */
public class InvalidOpportunityException extends RuntimeException {

  /** One invalid field: a JSON path such as {@code customer.headcount} and what is wrong with it. */
  public record FieldError(String field, String message) {}

  private final transient List<FieldError> errors;

  public InvalidOpportunityException(List<FieldError> errors) {
    super("Invalid opportunity: " + errors);
    this.errors = List.copyOf(errors);
  }

  public static InvalidOpportunityException of(String field, String message) {
    return new InvalidOpportunityException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
