package io.oppflow.progression;

import io.oppflow.opportunity.LossReason;

/**
 * Why the opportunity was lost: reason, the competitor who won it (for COMPETITOR), a note (for OTHER);
 * optionally the stage the caller saw, so that a duplicate request is refused (409).
 */
public record LossRequest(LossReason reason, String competitor, String note, String expectedStage) {}
