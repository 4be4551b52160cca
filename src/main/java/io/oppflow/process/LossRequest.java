package io.oppflow.process;

import io.oppflow.opportunity.LossReason;

/** Why the opportunity was lost: reason, the competitor who won it (for COMPETITOR), a note (for OTHER). */
public record LossRequest(LossReason reason, String competitor, String note) {}
