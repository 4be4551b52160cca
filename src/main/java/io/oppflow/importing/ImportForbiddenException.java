package io.oppflow.importing;

/** Only sales operations and administrators may import opportunities. */
public class ImportForbiddenException extends RuntimeException {

  public ImportForbiddenException(String userId) {
    super(userId + " may not import opportunities: only sales-ops and camunda-admin may");
  }
}
