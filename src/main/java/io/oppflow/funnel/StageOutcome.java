package io.oppflow.funnel;

/**
 * How an opportunity left a stage: advanced through its gate (the last stage advanced = won), lost from
 * it, or left otherwise (an administrator moved the process instance); null while still in it.
 */
public enum StageOutcome {
  ADVANCED,
  LOST,
  LEFT
}
