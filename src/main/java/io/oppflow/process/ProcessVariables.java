package io.oppflow.process;

/** The names of the few variables a stage process holds: ids and small flags, never the opportunity. */
final class ProcessVariables {

  static final String OWNER = "owner";
  static final String ORG_UNIT = "orgUnit";
  /** ADVANCE or LOSE: what the stage task's worker asked for. */
  static final String STAGE_ACTION = "stageAction";
  static final String LOSS_REASON = "lossReason";
  static final String LOSS_COMPETITOR = "lossCompetitor";
  static final String LOSS_NOTE = "lossNote";
  /** Set by the gate: whether the last gate passed, and the failed criteria as text for the task form. */
  static final String GATE_PASSED = "gatePassed";
  static final String GATE_FEEDBACK = "gateFeedback";
  /** The gate service task's input: the code of the stage whose way out it guards. */
  static final String GATE_STAGE = "stage";
  /** Transient: who asked for the advance, and that the facts came from the API, not from a form. */
  static final String REQUESTED_BY = "requestedBy";
  static final String VIA_API = "viaApi";
  /** Task-local: the form values as prefilled, to tell what the user changed. */
  static final String FORM_BASELINE = "formBaseline";

  static final String ACTION_ADVANCE = "ADVANCE";
  static final String ACTION_LOSE = "LOSE";

  private ProcessVariables() {}
}
