package io.oppflow.opportunity;

/**
 * {@code POST /api/opportunities/reassign}: every open opportunity of {@code fromOwner} (only those in
 * {@code orgUnit} or below, if given) goes to {@code toOwner}. Each stays in its org unit if {@code toOwner} is a
 * member of it, else it moves to {@code toOwner}'s unit.
 */
public record BulkReassignmentRequest(String fromOwner, String toOwner, String orgUnit, String reason) {}
