package io.oppflow.opportunity;

import java.time.Instant;

/** An opportunity was won (published inside the transaction that records it). */
public record OpportunityWon(String code, Instant at) {}
