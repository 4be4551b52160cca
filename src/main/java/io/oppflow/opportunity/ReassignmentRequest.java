package io.oppflow.opportunity;

/**
 * {@code POST /api/opportunities/{code}/reassign}: the new owner, optionally the new org unit, and why.
 *
 * @param orgUnit the org unit the opportunity moves to; null: it stays in its unit if the new owner is a member of
 *     it, else it moves to the new owner's unit
 */
public record ReassignmentRequest(String owner, String orgUnit, String reason) {}
