package io.oppflow.process;

/** The names of the few variables a stage process holds: ids and small flags, never the opportunity. */
public final class ProcessVariables {

  public static final String OWNER = "owner";
  public static final String ORG_UNIT = "orgUnit";
  /** ADVANCE or LOSE: what the stage task's worker asked for. */
  public static final String STAGE_ACTION = "stageAction";
  public static final String LOSS_REASON = "lossReason";
  public static final String LOSS_COMPETITOR = "lossCompetitor";
  public static final String LOSS_NOTE = "lossNote";
  /** Set by the gate: whether the last gate passed. */
  public static final String GATE_PASSED = "gatePassed";
  /** Task-local, set by {@code ${captionTask}}: this stage's gate result as text for the task form. */
  public static final String GATE_FEEDBACK = "gateFeedback";
  /**
   * Task-local, set by {@code ${captionTask}} on a manager's task (exception approval, stalled review): the deal
   * it decides on (customer, opportunity, amount, owner, org unit, stage, days in stage), for its form.
   */
  public static final String DEAL_SUMMARY = "dealSummary";
  /** The gate service task's input: the code of the stage whose way out it guards. */
  public static final String GATE_STAGE = "stage";
  /** Who completed the last stage task (from Camunda's login): the next project-team task's assignee. */
  public static final String STAGE_WORKER = "stageWorker";
  /**
   * Task-local, the stage form's activity section: an activity to log when the task completes (no type, nothing
   * logged), never an opportunity fact; a new stage task starts with them empty.
   */
  public static final String ACTIVITY_TYPE = "activityType";
  public static final String ACTIVITY_DATE = "activityDate";
  public static final String ACTIVITY_CONTACT = "activityContact";
  public static final String ACTIVITY_DECISION_MAKER = "activityDecisionMaker";
  public static final String ACTIVITY_NOTE = "activityNote";
  /** Task-local, read-only on the form: the activities logged in this stage, one a line. */
  public static final String STAGE_ACTIVITIES = "stageActivities";
  /** Task-local: the form values as prefilled, to tell what the user changed. */
  public static final String FORM_BASELINE = "formBaseline";

  /** The rep's reason for asking a manager to except a failed gate, and the exception's id. */
  public static final String EXCEPTION_REASON = "exceptionReason";
  public static final String GATE_EXCEPTION_ID = "gateExceptionId";
  /** Shown on the manager's approval form, and the manager's decision on it. */
  public static final String EXCEPTION_REQUESTED_BY = "exceptionRequestedBy";
  public static final String EXCEPTION_REQUEST_REASON = "exceptionRequestReason";
  public static final String EXCEPTION_DECISION = "exceptionDecision";
  public static final String EXCEPTION_DECISION_REASON = "exceptionDecisionReason";
  /**
   * What the last gate exception's decision was, as recorded (who, approved or rejected, why), in zh and en, for
   * the requester's next task: set by the decision, never by a form.
   */
  public static final String EXCEPTION_OUTCOME = "exceptionOutcome";

  public static final String ACTION_ADVANCE = "ADVANCE";
  public static final String ACTION_LOSE = "LOSE";
  public static final String ACTION_REQUEST_EXCEPTION = "REQUEST_EXCEPTION";
  public static final String DECISION_APPROVE = "APPROVE";
  public static final String DECISION_REJECT = "REJECT";

  private ProcessVariables() {}
}
