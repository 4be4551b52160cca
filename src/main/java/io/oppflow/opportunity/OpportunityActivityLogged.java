package io.oppflow.opportunity;

/**
 * An activity was logged for an opportunity (published inside the transaction that logs it), so that what lists
 * its activities elsewhere, such as the open stage task's form, can follow.
 */
public record OpportunityActivityLogged(String code) {}
