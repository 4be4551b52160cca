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
  /** Task-local: the form values as prefilled, to tell what the user changed. */
  static final String FORM_BASELINE = "formBaseline";

  /** The rep's reason for asking a manager to except a failed gate, and the exception's id. */
  static final String EXCEPTION_REASON = "exceptionReason";
  static final String GATE_EXCEPTION_ID = "gateExceptionId";
  /** Shown on the manager's approval form, and the manager's decision on it. */
  static final String EXCEPTION_REQUESTED_BY = "exceptionRequestedBy";
  static final String EXCEPTION_REQUEST_REASON = "exceptionRequestReason";
  static final String EXCEPTION_DECISION = "exceptionDecision";
  static final String EXCEPTION_DECISION_REASON = "exceptionDecisionReason";

  static final String ACTION_ADVANCE = "ADVANCE";
  static final String ACTION_LOSE = "LOSE";
  static final String ACTION_REQUEST_EXCEPTION = "REQUEST_EXCEPTION";
  static final String DECISION_APPROVE = "APPROVE";
  static final String DECISION_REJECT = "REJECT";

  private ProcessVariables() {}
}
