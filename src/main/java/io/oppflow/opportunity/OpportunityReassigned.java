package io.oppflow.opportunity;

import java.time.Instant;

/** An open opportunity got a new owner (and perhaps a new org unit); published in the transaction that moved it. */
public record OpportunityReassigned(String code, String fromOwner, String fromOrgUnit, String toOwner, String toOrgUnit,
    Instant at) {}
