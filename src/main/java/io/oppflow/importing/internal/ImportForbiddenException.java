package io.oppflow.importing.internal;

import io.oppflow.shared.ForbiddenException;

/** Only sales operations and administrators may import opportunities. */
public class ImportForbiddenException extends ForbiddenException {

  public ImportForbiddenException(String userId) {
    super(userId + " may not import opportunities: only sales-ops and camunda-admin may");
  }
}
