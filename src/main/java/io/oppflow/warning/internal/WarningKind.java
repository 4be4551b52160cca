package io.oppflow.warning.internal;

/**
 * The kinds of early warning.
 *
 * <ul>
 *   <li>{@code STALLED}: the stage's dwell limit passed and a manager has not reviewed it yet (an open
 *       review task); it clears when the manager completes the review.
 *   <li>{@code SKIPPED_STAGE}: a stage was entered whose order is more than one above the stage the
 *       opportunity was in before, or a stage was left other than through its gate (outcome LEFT).
 *   <li>{@code REOPENED}: a stage was entered again, or a lower stage after a higher one.
 * </ul>
 */
public enum WarningKind {
  STALLED,
  SKIPPED_STAGE,
  REOPENED
}
