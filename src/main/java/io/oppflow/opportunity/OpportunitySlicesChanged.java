package io.oppflow.opportunity;

/**
 * An opportunity's region, project type or customer type changed (published inside the transaction that
 * records it). Owner and org unit are fixed at creation.
 */
public record OpportunitySlicesChanged(String code, String region, String projectType, String customerType) {}
