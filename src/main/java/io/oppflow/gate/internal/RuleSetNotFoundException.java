package io.oppflow.gate.internal;

import io.oppflow.shared.NotFoundException;

/** No rule set has this version. */
public class RuleSetNotFoundException extends NotFoundException {

  public RuleSetNotFoundException(String version) {
    super("Rule set not found", "No rule set with version " + version);
  }
}
