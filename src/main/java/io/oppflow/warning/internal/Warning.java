package io.oppflow.warning.internal;

import io.oppflow.shared.Message;
import java.time.Instant;

/**
 * One early warning about one opportunity.
 *
 * @param since when the opportunity entered the stage the warning is about
 * @param at when the warning arose (timer fired, stage entered or left)
 * @param daysInStage for STALLED: whole days since {@code since}; otherwise null
 */
public record Warning(WarningKind kind, String opportunity, String process, String stage, Message stageName,
    Instant since, Instant at, Long daysInStage, String owner, String orgUnit, Message message) {}
