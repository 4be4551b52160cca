package io.oppflow.opportunity;

import java.time.Instant;

/** An opportunity was opened (published inside the transaction that opens it, before its process starts). */
public record OpportunityOpened(String code, Instant at) {}
