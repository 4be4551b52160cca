package io.oppflow.opportunity;

/**
 * An opportunity's facts were recorded: changed through the API or a task form, or taken over by an import
 * (published inside the transaction that records them), so that what shows them elsewhere, such as the
 * names of its open tasks, can follow.
 */
public record OpportunityFactsRecorded(String code) {}
