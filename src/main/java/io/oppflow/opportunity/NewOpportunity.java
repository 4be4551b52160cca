package io.oppflow.opportunity;

/**
 * A request to open an opportunity. {@code code}, {@code owner} and {@code orgUnit} may be empty: the
 * code is then generated, the owner is the caller and the org unit the owner's.
 */
public record NewOpportunity(String code, String process, String owner, String orgUnit, OpportunityFacts facts) {}
