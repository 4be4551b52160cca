package io.oppflow.opportunity;

import java.time.Instant;

/**
 * An opportunity was opened, or an open one imported (published inside the transaction that records it, before its
 * process starts).
 */
public record OpportunityOpened(String code, Instant at) {}
