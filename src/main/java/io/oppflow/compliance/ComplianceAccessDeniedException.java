package io.oppflow.compliance;

/** The caller may not read that part of the compliance audit. */
public class ComplianceAccessDeniedException extends RuntimeException {

  public ComplianceAccessDeniedException(String message) {
    super(message);
  }
}
