package io.oppflow.gate.internal;

import io.oppflow.gate.GateRequest;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.RuleSet;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.Opportunity;
import java.time.LocalDate;
import java.util.List;

/**
 * What a gate is decided on: the opportunity and its logged activities. {@link #judgedBy} is the one way a gate
 * is put to a rule set, whether the gate is asked live ({@code StageGateService}) or replayed over a gate
 * record's facts ({@link GateRecordReplay}), so a preview decides exactly as the gate would.
 */
public record GateFacts(Opportunity opportunity, List<Activity> activities) {

  public GateFacts {
    activities = List.copyOf(activities);
  }

  /** The verdict of {@code rules} on the gate that leaves {@code stage} of the opportunity's process, on {@code today}. */
  public GateVerdict judgedBy(RuleSet rules, String stage, LocalDate today) {
    GateRequest request = new GateRequest(opportunity.getProcessKey(), stage, today);
    Object[] facts = new Object[activities.size() + 1];
    facts[0] = opportunity;
    for (int i = 0; i < activities.size(); i++) {
      facts[i + 1] = activities.get(i);
    }
    return rules.evaluate(request, facts);
  }
}
