package io.oppflow.importing.internal;

import io.oppflow.shared.ForbiddenException;

/** Only sales operations and administrators may import opportunities. */
public class ImportForbiddenException extends ForbiddenException {

  public ImportForbiddenException(String userId) {
    super(userId + " 无权导入商机：只有销售运营和 camunda-admin 可以 / " + userId
        + " may not import opportunities: only sales-ops and camunda-admin may");
  }
}
