package io.oppflow.opportunity;

import java.util.List;

/**
 * {@code GET /api/opportunities/{code}/reassign}: whether the caller may give this opportunity a new owner now, as
 * {@link OpportunityReassignments#permission} decides, and to whom; a page offers its reassign form only then.
 *
 * @param candidates the users {@code POST …/reassign} accepts as its new owner from this caller with no org unit
 *     asked for, sorted by org unit then name, its owner left out; empty when not allowed. At most 200 (see
 *     {@code candidatesTruncated}); a unit asked for explicitly is still judged when they ask.
 * @param candidatesTruncated more users were placed in the units the candidates come from than the 200 looked at;
 *     the others are accepted all the same when named by id
 */
public record ReassignmentPermission(String opportunityCode, boolean allowed, List<ReassignmentCandidate> candidates,
    boolean candidatesTruncated) {}
