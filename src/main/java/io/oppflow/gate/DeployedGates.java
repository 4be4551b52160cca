package io.oppflow.gate;

import java.util.Set;

/** The gates the deployed stage processes (latest versions) ask for: a rule set must cover them all. */
public interface DeployedGates {

  Set<RuleSet.Gate> required();
}
