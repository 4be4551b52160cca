package io.oppflow.opportunity;

/**
 * A user the caller may hand an opportunity to now, as {@link OpportunityReassignments#permission} lists them.
 *
 * @param name the first and last name the identity service knows, or the user id
 * @param orgUnit the unit the user is placed in
 * @param defaultOrgUnit the unit the opportunity is in after a reassignment to this user with no unit asked for: its
 *     own if the user is placed in it or above it, else the user's
 */
public record ReassignmentCandidate(String userId, String name, String orgUnit, String defaultOrgUnit) {}
