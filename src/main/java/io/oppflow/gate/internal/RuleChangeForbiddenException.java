package io.oppflow.gate.internal;

import io.oppflow.shared.ForbiddenException;

/** The caller may not upload or activate rules. */
public class RuleChangeForbiddenException extends ForbiddenException {

  public RuleChangeForbiddenException(String userId) {
    super("用户 " + userId + " 无权修改规则：只有销售运营和管理员可以 / User " + userId
        + " may not change rules: only sales-ops and administrators may");
  }
}
