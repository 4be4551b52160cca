package io.oppflow.progression;

import io.oppflow.gate.Criterion;
import io.oppflow.gate.Verdict;
import io.oppflow.opportunity.OpportunityStatus;
import java.util.List;

/**
 * The answer to an advance request: the gate's verdict and criteria, the stage the opportunity is in
 * now (the next one after a pass), and the gate record that keeps the decision.
 */
public record AdvanceResult(
    String code,
    Verdict verdict,
    String gateStage,
    String stage,
    OpportunityStatus status,
    List<Criterion> failures,
    List<Criterion> warnings,
    String rulesVersion,
    long gateRecordId,
    long version) {}
