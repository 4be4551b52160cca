package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageFormFields;
import io.oppflow.shared.FieldError;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.shared.Message;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The one place that turns a refusal of a form's values (the opportunity service's, a loss's, an activity's) into
 * the form's words: the errors name the form's keys ({@code customerName}, not {@code customer.name}; {@code
 * lossReason}, not {@code reason}) and the detail names the field by its label, in both languages, as Tasklist and
 * {@code /engine-rest} show it — never as the engine's "ENGINE-03051 … [FieldError…]".
 */
final class FormRefusal {

  /** What did not happen, in both languages: the form's heading of the refusal. */
  static final Message NOT_OPENED = new Message("商机未创建", "The opportunity was not opened");
  static final Message NOT_COMPLETED = new Message("未完成", "Not completed");

  /** The labels of the shipped forms' fields, by key ({@code FormRefusalTests} keeps them equal). */
  static final Map<String, Message> LABELS = Map.ofEntries(
      Map.entry("opportunityName", new Message("商机名称", "Opportunity name")),
      Map.entry("customerName", new Message("客户名称", "Customer name")),
      Map.entry("customerIndustry", new Message("行业", "Industry")),
      Map.entry("customerHeadcount", new Message("员工人数", "Headcount")),
      Map.entry("customerAnnualRevenue", new Message("年营业额", "Annual revenue")),
      Map.entry("customerItLandscape", new Message("IT 现状（硬件/软件/网络）", "IT landscape (hardware/software/network)")),
      Map.entry("customerCurrentSystemStatus", new Message("现有系统状况", "Current system")),
      Map.entry("customerEconomicHealth", new Message("经营状况", "Economic health")),
      Map.entry("customerInTargetSegment", new Message("属于目标客户群", "In a target customer segment")),
      Map.entry("customerType", new Message("客户类型", "Customer type")),
      Map.entry("projectType", new Message("项目类型", "Project type")),
      Map.entry("region", new Message("区域", "Region")),
      Map.entry("amount", new Message("预计金额", "Expected amount")),
      Map.entry("expectedCloseDate", new Message("预计成交日期", "Expected close date")),
      Map.entry("needs", new Message("客户需求", "Customer needs")),
      Map.entry("needConfirmed", new Message("客户已确认需求", "Customer confirmed the need")),
      Map.entry("budgetAmount", new Message("预算金额", "Budget amount")),
      Map.entry("budgetStatus", new Message("预算状态", "Budget status")),
      Map.entry("selectionTeamFormed", new Message("已成立选型小组", "Selection team formed")),
      Map.entry("selectionTeamLeadershipSupport", new Message("领导支持选型小组", "Leadership backs the selection team")),
      Map.entry("timelineDecisionDate", new Message("决策日期", "Decision date")),
      Map.entry("timelineGoLiveDate", new Message("计划上线日期", "Planned go-live date")),
      Map.entry("thirdPartyConsultant", new Message("第三方咨询顾问", "Third-party consultant")),
      Map.entry("solutionPresented", new Message("已讲解方案", "Solution presented")),
      Map.entry("solutionDemoDone", new Message("已完成产品演示", "Demo done")),
      Map.entry("solutionTechnicalEvaluationPassed", new Message("技术评估已通过", "Technical evaluation passed")),
      Map.entry("solutionProposalSubmitted", new Message("已提交方案建议书", "Proposal submitted")),
      Map.entry("solutionAcceptedInPrinciple", new Message("客户原则上接受我方产品和服务", "Customer accepts our product and service in principle")),
      Map.entry("vendorStatus", new Message("供应商地位", "Vendor status")),
      Map.entry("contractTermsAgreed", new Message("合同条款已达成一致", "Contract terms agreed")),
      Map.entry("contractSigned", new Message("合同已签订", "Contract signed")),
      Map.entry("contractSignedOn", new Message("签约日期", "Signed on")),
      Map.entry("contractStartDate", new Message("项目开始日期", "Project start date")),
      Map.entry("competitors", new Message("竞争对手", "Competitors")),
      Map.entry("customerProjectTeam", new Message("客户项目小组", "Customer project team")),
      Map.entry("code", new Message("商机编号（业务键）", "Opportunity code (business key)")),
      Map.entry(ProcessVariables.STAGE_ACTION, new Message("下一步", "Next step")),
      Map.entry(ProcessVariables.EXCEPTION_REASON, new Message("例外理由", "Why an exception is justified")),
      Map.entry(ProcessVariables.LOSS_REASON, new Message("丢单原因", "Loss reason")),
      Map.entry(ProcessVariables.LOSS_COMPETITOR, new Message("竞争对手", "Competitor")),
      Map.entry(ProcessVariables.LOSS_NOTE, new Message("丢单说明", "Loss note")),
      Map.entry(ProcessVariables.ACTIVITY_TYPE, new Message("活动类型", "Activity type")),
      Map.entry(ProcessVariables.ACTIVITY_DATE, new Message("活动日期", "Activity date")),
      Map.entry(ProcessVariables.ACTIVITY_CONTACT, new Message("联系人", "Contact")),
      Map.entry(ProcessVariables.ACTIVITY_DECISION_MAKER, new Message("联系人是决策人", "The contact is a decision maker")),
      Map.entry(ProcessVariables.ACTIVITY_NOTE, new Message("活动记录", "Activity note")));

  private FormRefusal() {}

  /**
   * The refusal in the form's words.
   *
   * @param outcome what did not happen ({@link #NOT_OPENED}, {@link #NOT_COMPLETED})
   * @param fieldOf the form key of a refused field, e.g. a loss's {@code reason} → {@code lossReason}
   * @param left whether the user left the field empty ("fill in …") rather than entered something refused ("check …")
   */
  static InvalidRequestException inFormWords(InvalidRequestException e, Message outcome,
      java.util.function.UnaryOperator<String> fieldOf, Predicate<String> left) {
    List<FieldError> errors = e.errors().stream()
        .map(f -> new FieldError(fieldOf.apply(StageFormFields.formKeyOf(f.field())), f.message())).toList();
    if (errors.isEmpty()) {
      return e;
    }
    FieldError first = errors.get(0);
    // a message "中文 / English" gives each half of the detail its own language, never both in the English one
    Message said = Message.parse(first.message());
    String detail;
    if (ProcessVariables.ORG_UNIT.equals(first.field())) {
      detail = outcome.zh() + "：您在组织目录中没有组织单元，请销售运营为您设置 / " + outcome.en()
          + ": you have no org unit in the directory; ask sales operations to place you (" + said.en() + ")";
    } else {
      Message label = LABELS.getOrDefault(first.field(), new Message(first.field(), first.field()));
      boolean empty = left.test(first.field());
      detail = outcome.zh() + "：请" + (empty ? "填写" : "检查") + "「" + label.zh() + "」"
          + (said.inBothLanguages() ? "（" + first.field() + "：" + said.zh() + "）" : "") + "/ " + outcome.en() + ": "
          + (empty ? "fill in " : "check ") + label.en() + " (" + first.field() + ": " + said.en() + ")";
    }
    InvalidRequestException inFormWords = new InvalidRequestException(detail, errors, e);
    // what else the refusal says (e.g. the choices of a process not named) stays as it said it
    Map<String, Object> others = e.getBody().getProperties();
    if (others != null) {
      others.forEach((name, value) -> {
        if (!"errors".equals(name)) {
          inFormWords.getBody().setProperty(name, value);
        }
      });
    }
    return inFormWords;
  }
}
