package io.oppflow.opportunity;

/**
 * {@code GET /api/opportunities/{code}/reassign}: whether the caller may give this opportunity a new owner now, as
 * {@link OpportunityReassignments#permission} decides; a page offers its reassign form only then. Where to is decided
 * when they ask: a manager may still be refused a target unit they do not manage.
 */
public record ReassignmentPermission(String opportunityCode, boolean allowed) {}
