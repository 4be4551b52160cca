package io.oppflow.opportunity;

import java.util.List;

/**
 * What a bulk reassignment moved: how many opportunities, which, and the reassignment recorded for each.
 *
 * @param batchId the id the recorded reassignments share; null if nothing was moved
 */
public record BulkReassignment(int count, List<String> opportunities, String batchId, List<Reassignment> reassignments) {}
