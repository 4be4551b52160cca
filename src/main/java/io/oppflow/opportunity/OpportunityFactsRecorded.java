package io.oppflow.opportunity;

/**
 * An opportunity's facts were recorded: changed through the API or a task form (published inside the transaction
 * that records them), so that what shows them elsewhere, such as the names of its open tasks, can follow. An import
 * does not publish it: an imported opportunity's tasks are created after its facts and history are written, and
 * named from them at once.
 */
public record OpportunityFactsRecorded(String code) {}
