package io.oppflow.shared;

/** One invalid field or parameter: a JSON path such as {@code customer.headcount}, and what is wrong with it. */
public record FieldError(String field, String message) {}
