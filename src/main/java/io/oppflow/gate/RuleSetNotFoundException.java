package io.oppflow.gate;

/** No rule set has this version. */
public class RuleSetNotFoundException extends RuntimeException {

  public RuleSetNotFoundException(String version) {
    super("No rule set with version " + version);
  }
}
