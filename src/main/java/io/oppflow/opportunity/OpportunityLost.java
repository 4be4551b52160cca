package io.oppflow.opportunity;

import java.time.Instant;

/** An opportunity was lost (published inside the transaction that records it). */
public record OpportunityLost(String code, LossReason reason, Instant at) {}
