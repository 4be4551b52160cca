package io.oppflow.gate.internal;

import io.oppflow.shared.NotFoundException;

/** No rule set has this version. */
public class RuleSetNotFoundException extends NotFoundException {

  public RuleSetNotFoundException(String version) {
    super("Rule set not found", "没有版本为 " + version + " 的规则集 / No rule set with version " + version);
  }
}
