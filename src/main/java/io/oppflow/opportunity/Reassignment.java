package io.oppflow.opportunity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One recorded reassignment of an opportunity: who moved it when, from which owner and org unit to which, and why.
 *
 * @param batchId shared by the reassignments of one bulk reassignment; null for a single one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reassignment(long id, String opportunityCode, String fromOwner, String fromOrgUnit, String toOwner,
    String toOrgUnit, String reason, String reassignedBy, Instant reassignedAt, String batchId) {}
