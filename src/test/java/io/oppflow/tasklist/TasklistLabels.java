package io.oppflow.tasklist;

/** What the product shows in Tasklist, as the browser tests look for it: filters, processes, form labels. */
final class TasklistLabels {

  private TasklistLabels() {}

  // filters
  static final String MY_TASKS = "我的任务 / My tasks";
  static final String CLAIMABLE = "可认领的任务 / Tasks I may claim";
  static final String GATE_EXCEPTIONS = "关卡例外审批 / Gate exceptions";
  static final String MY_REQUESTS = "我的例外申请 / My exception requests";
  static final String STALLED = "停滞商机 / Stalled opportunities";

  // the start form
  static final String PROCESS = "项目型销售漏斗 / Project sales funnel";
  static final String OPPORTUNITY_NAME = "商机名称 / Opportunity name";
  static final String CUSTOMER_NAME = "客户名称 / Customer name";

  // the stage forms
  static final String TARGET_TASK = "1 定位目标客户群";
  static final String GATE_FEEDBACK = "关卡反馈 / Gate feedback";
  static final String STAGE_ACTION = "下一步 / Next step";
  static final String EXCEPTION_REASON = "例外理由 / Why an exception is justified";
  static final String LOSS_REASON = "丢单原因 / Loss reason";
  static final String COMPETITOR = "竞争对手 / Competitor";
  static final String ACTIVITY_TYPE = "活动类型 / Activity type";
  static final String ACTIVITY_DATE = "活动日期 / Activity date";
  static final String ACTIVITY_CONTACT = "联系人 / Contact";
  static final String ACTIVITY_DECISION_MAKER = "联系人是决策人 / The contact is a decision maker";
  static final String ACTIVITY_NOTE = "活动记录 / Activity note";
  static final String STAGE_ACTIVITIES = "本阶段活动 / Activities in this stage";

  // the exception approval
  static final String APPROVAL_TASK_KEY = "Task_TARGET_ApproveException";
  static final String FAILED_CRITERIA = "未通过的标准 / Failed criteria";
  static final String REQUEST_REASON = "申请理由 / Requester's reason";
  static final String APPROVAL_DECISION = "审批结论 / Decision";
  static final String APPROVAL_DECISION_REASON = "审批理由 / Reason for the decision";
}
