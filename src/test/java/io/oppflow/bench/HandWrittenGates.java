package io.oppflow.bench;

import io.oppflow.shared.Message;
import io.oppflow.gate.Criterion;
import io.oppflow.gate.GateRequest;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.Verdict;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.ActivityType;
import io.oppflow.opportunity.Budget;
import io.oppflow.opportunity.BudgetStatus;
import io.oppflow.opportunity.Competitor;
import io.oppflow.opportunity.CompetitorStatus;
import io.oppflow.opportunity.Contact;
import io.oppflow.opportunity.Contract;
import io.oppflow.opportunity.Customer;
import io.oppflow.opportunity.EconomicHealth;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.SelectionTeam;
import io.oppflow.opportunity.Solution;
import io.oppflow.opportunity.SystemStatus;
import io.oppflow.opportunity.VendorStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The baseline of the gate benchmarks: the criteria of the seven project-sales-funnel gates
 * ({@code rules/projectsales/*.drl}) written by hand in plain Java, as they would be without a rule
 * engine. It answers with the same {@link GateVerdict} as {@code RuleSet.evaluate} (same codes, same
 * blocking/warning split, same order, the rules' messages), so the benchmark compares equal work.
 *
 * <p>It is a benchmark baseline, not a second source of truth: when a rule changes, the benchmark's
 * setup notices the verdicts differ and refuses to run until this class is brought in line.
 */
final class HandWrittenGates {

  static final String VERSION = "hand-written";
  private static final String PROCESS = "project-sales-funnel";

  private static final Criterion TARGET_01 = blocking("TARGET-01",
      "客户尚未确认属于已定义的目标客户群，请在客户资料中确认其目标客户群归属。",
      "The customer is not confirmed to be in a defined target segment; confirm the segment on the customer record.");
  private static final Criterion TARGET_02 = warning("TARGET-02",
      "尚未记录客户所属行业，目标客户群难以核对。",
      "The customer's industry is not recorded, so the target segment is hard to check.");
  private static final Criterion DISCOVER_01 = blocking("DISCOVER-01",
      "客户基本资料不完整：请记录所属行业、员工人数和年营业额。",
      "The customer's basic data is incomplete: record industry, headcount and annual revenue.");
  private static final Criterion DISCOVER_02 = blocking("DISCOVER-02",
      "尚未记录客户的IT现状（硬件、软件、网络）。",
      "The customer's IT landscape (hardware, software, network) is not recorded.");
  private static final Criterion DISCOVER_03 = blocking("DISCOVER-03",
      "尚未记录任何竞争厂商，请至少记录一家。",
      "No competing vendor is recorded; record at least one.");
  private static final Criterion DISCOVER_04 = blocking("DISCOVER-04",
      "尚未记录客户需求或预算情况（预算状态可为“无预算”）。",
      "The customer's needs or budget situation are not recorded (the budget status may be \"none\").");
  private static final Criterion DISCOVER_05 = blocking("DISCOVER-05",
      "尚未记录客户项目组成员，请至少记录一位联系人。",
      "No member of the customer's project team is recorded; record at least one contact.");
  private static final Criterion DISCOVER_06 = blocking("DISCOVER-06",
      "客户不符合我们的目标客户特征。",
      "The customer does not fit our target-customer profile.");
  private static final Criterion DISCOVER_07 = blocking("DISCOVER-07",
      "客户经营状况未评估或不佳，需评估为“良好”或“一般”。",
      "The customer's economic health is not assessed or is poor; it must be assessed good or fair.");
  private static final Criterion DISCOVER_08 = blocking("DISCOVER-08",
      "客户现有系统状况未评估或运行良好，看不出信息化需求；需为“无系统”“不完善”或“运行不佳”。",
      "The customer's current system is not assessed or works well, which leaves no need; it must be none, incomplete or poor.");
  private static final Criterion DISCOVER_09 = warning("DISCOVER-09",
      "客户经营状况一般，需关注付款能力。",
      "The customer's economic health is only fair; watch its ability to pay.");
  private static final Criterion DISCOVER_10 = warning("DISCOVER-10",
      "客户目前尚无预算。",
      "The customer has no budget yet.");
  private static final Criterion CONFIRM_INTENT_01 = blocking("CONFIRM_INTENT-01",
      "客户尚未确认需求。",
      "The customer has not confirmed the need.");
  private static final Criterion CONFIRM_INTENT_02 = blocking("CONFIRM_INTENT-02",
      "客户项目组中尚无决策人，请确认并记录有影响力的决策人。",
      "No decision maker is recorded in the customer's project team; identify and record an influential decision maker.");
  private static final Criterion CONFIRM_INTENT_03 = blocking("CONFIRM_INTENT-03",
      "尚未记录客户需求。",
      "The customer's needs are not documented.");
  private static final Criterion CONFIRM_INTENT_04 = warning("CONFIRM_INTENT-04",
      "预计成交日期未填写或已过期。",
      "The expected close date is missing or already past.");
  private static final Criterion CONFIRM_INTENT_05 = blocking("CONFIRM_INTENT-05",
      "本阶段尚未记录与客户决策人的会议或拜访，请记录与决策人的会议或拜访活动。",
      "No meeting or visit with a decision maker of the customer was logged during this stage; log a meeting or visit with a decision maker.");
  private static final Criterion INITIATE_PROJECT_01 = blocking("INITIATE_PROJECT-01",
      "客户尚无初步预算：预算状态需为“初步”或“已批准”，且预算金额大于零。",
      "The customer has no preliminary budget: the budget must be preliminary or approved, with an amount above zero.");
  private static final Criterion INITIATE_PROJECT_02 = blocking("INITIATE_PROJECT-02",
      "客户尚未成立选型小组。",
      "The customer has not formed a selection team.");
  private static final Criterion INITIATE_PROJECT_03 = blocking("INITIATE_PROJECT-03",
      "客户领导尚未支持选型小组。",
      "The customer's leadership does not back the selection team.");
  private static final Criterion INITIATE_PROJECT_04 = blocking("INITIATE_PROJECT-04",
      "客户尚无时间表：请记录未过期的决策日期。",
      "The customer has no timeline: record a decision date that is not past.");
  private static final Criterion INITIATE_PROJECT_05 = warning("INITIATE_PROJECT-05",
      "未记录仍在竞争的厂商或第三方咨询顾问，竞争情况不明。",
      "Neither an active competitor nor a third-party consultant is recorded; the competition is unknown.");
  private static final Criterion INITIATE_PROJECT_06 = warning("INITIATE_PROJECT-06",
      "客户预算低于商机金额，预算不足以覆盖本次交易。",
      "The customer's budget is below the opportunity amount and does not cover the deal.");
  private static final Criterion WIN_RECOGNITION_01 = blocking("WIN_RECOGNITION-01",
      "尚未向客户进行方案介绍。",
      "Our solution has not been presented to the customer.");
  private static final Criterion WIN_RECOGNITION_02 = blocking("WIN_RECOGNITION-02",
      "尚未完成产品演示，也未通过技术评估。",
      "No demo has been given and no technical evaluation has been passed.");
  private static final Criterion WIN_RECOGNITION_03 = blocking("WIN_RECOGNITION-03",
      "尚未提交建议书。",
      "Our proposal has not been submitted.");
  private static final Criterion WIN_RECOGNITION_04 = blocking("WIN_RECOGNITION-04",
      "客户尚未原则上认可我们的产品和服务。",
      "The customer has not accepted our product and service in principle.");
  private static final Criterion WIN_RECOGNITION_05 = blocking("WIN_RECOGNITION-05",
      "客户尚未确认我们为唯一供应商或入围供应商。",
      "The customer has not confirmed us as the sole vendor or a shortlisted vendor.");
  private static final Criterion WIN_RECOGNITION_06 = warning("WIN_RECOGNITION-06",
      "本阶段尚未记录演示活动。",
      "No demo activity was logged during this stage.");
  private static final Criterion NEGOTIATE_01 = blocking("NEGOTIATE-01",
      "合同条款尚未谈妥。",
      "The contract terms are not agreed.");
  private static final Criterion NEGOTIATE_02 = blocking("NEGOTIATE-02",
      "我们已不是唯一供应商或入围供应商。",
      "We are no longer the sole vendor or a shortlisted vendor.");
  private static final Criterion NEGOTIATE_03 = blocking("NEGOTIATE-03",
      "客户预算尚未批准。",
      "The customer's budget is not approved.");
  private static final Criterion NEGOTIATE_04 = warning("NEGOTIATE-04",
      "我们只是入围供应商之一，并非唯一供应商，需防范压价。",
      "We are one of the shortlisted vendors, not the sole vendor; expect price pressure.");
  private static final Criterion CLOSE_01 = blocking("CLOSE-01",
      "合同尚未签订：请记录已签订及签订日期（不得晚于今天）。",
      "The contract is not signed: record that it is signed and its signing date (not later than today).");
  private static final Criterion CLOSE_02 = blocking("CLOSE-02",
      "尚未约定项目启动日期。",
      "The project start date is not agreed.");

  /** Runs the gate asked by {@code request} on the opportunity and the activities logged for it. */
  GateVerdict evaluate(GateRequest request, Opportunity o, List<Activity> activities) {
    if (!PROCESS.equals(request.getProcess())) {
      throw new IllegalArgumentException("Only the project-sales funnel is written by hand: " + request.getProcess());
    }
    List<Criterion> found = new ArrayList<>(4);
    switch (request.getStage()) {
      case "TARGET" -> target(o, found);
      case "DISCOVER" -> discover(o, found);
      case "CONFIRM_INTENT" -> confirmIntent(o, activities, request.getToday(), found);
      case "INITIATE_PROJECT" -> initiateProject(o, request.getToday(), found);
      case "WIN_RECOGNITION" -> winRecognition(o, activities, found);
      case "NEGOTIATE" -> negotiate(o, found);
      case "CLOSE" -> close(o, request.getToday(), found);
      default -> { } // no rule covers the stage: nothing is found, as with the rules
    }
    found.sort(Comparator.comparing(Criterion::code));
    List<Criterion> failures = new ArrayList<>(found.size());
    List<Criterion> warnings = new ArrayList<>(found.size());
    for (Criterion c : found) {
      (c.blocking() ? failures : warnings).add(c);
    }
    Verdict verdict = failures.isEmpty() ? Verdict.PASSED : Verdict.FAILED;
    return new GateVerdict(request.getProcess(), request.getStage(), verdict, failures, warnings, VERSION);
  }

  private static void target(Opportunity o, List<Criterion> found) {
    Customer c = o.getCustomer();
    if (!isTrue(c.getInTargetSegment())) {
      found.add(TARGET_01);
    }
    if (isBlank(c.getIndustry())) {
      found.add(TARGET_02);
    }
  }

  private static void discover(Opportunity o, List<Criterion> found) {
    Customer c = o.getCustomer();
    if (isBlank(c.getIndustry()) || c.getHeadcount() == null || c.getHeadcount() <= 0
        || !isPositive(c.getAnnualRevenue())) {
      found.add(DISCOVER_01);
    }
    if (isBlank(c.getItLandscape())) {
      found.add(DISCOVER_02);
    }
    if (o.getCompetitors().isEmpty()) {
      found.add(DISCOVER_03);
    }
    Budget budget = o.getBudget();
    if (isBlank(o.getNeeds()) || budget.getStatus() == null) {
      found.add(DISCOVER_04);
    }
    if (o.getCustomerProjectTeam().isEmpty()) {
      found.add(DISCOVER_05);
    }
    if (!isTrue(c.getInTargetSegment())) {
      found.add(DISCOVER_06);
    }
    EconomicHealth health = c.getEconomicHealth();
    if (health != EconomicHealth.GOOD && health != EconomicHealth.FAIR) {
      found.add(DISCOVER_07);
    }
    SystemStatus system = c.getCurrentSystemStatus();
    if (system != SystemStatus.NONE && system != SystemStatus.INCOMPLETE && system != SystemStatus.POOR) {
      found.add(DISCOVER_08);
    }
    if (health == EconomicHealth.FAIR) {
      found.add(DISCOVER_09);
    }
    if (budget.getStatus() == BudgetStatus.NONE) {
      found.add(DISCOVER_10);
    }
  }

  private static void confirmIntent(Opportunity o, List<Activity> activities, LocalDate today, List<Criterion> found) {
    if (!isTrue(o.getNeedConfirmed())) {
      found.add(CONFIRM_INTENT_01);
    }
    List<Contact> team = o.getCustomerProjectTeam();
    boolean decisionMaker = false;
    for (Contact contact : team) {
      if (contact.isDecisionMaker()) {
        decisionMaker = true;
        break;
      }
    }
    if (!decisionMaker) {
      found.add(CONFIRM_INTENT_02);
    }
    if (isBlank(o.getNeeds())) {
      found.add(CONFIRM_INTENT_03);
    }
    LocalDate close = o.getExpectedCloseDate();
    if (close == null || close.isBefore(today)) {
      found.add(CONFIRM_INTENT_04);
    }
    if (!metDecisionMakerIn(o.getCode(), "CONFIRM_INTENT", team, activities)) {
      found.add(CONFIRM_INTENT_05);
    }
  }

  /** Whether a meeting or visit with a decision maker of {@code team} was logged for opportunity {@code code} in {@code stage}. */
  private static boolean metDecisionMakerIn(String code, String stage, List<Contact> team, List<Activity> activities) {
    for (Activity a : activities) {
      if ((a.getType() == ActivityType.MEETING || a.getType() == ActivityType.VISIT)
          && stage.equals(a.getStage()) && a.getContact() != null && code.equals(a.getOpportunityCode())) {
        for (Contact contact : team) {
          if (contact.isDecisionMaker() && a.getContact().equals(contact.getName())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void initiateProject(Opportunity o, LocalDate today, List<Criterion> found) {
    Budget budget = o.getBudget();
    if ((budget.getStatus() != BudgetStatus.PRELIMINARY && budget.getStatus() != BudgetStatus.APPROVED)
        || !isPositive(budget.getAmount())) {
      found.add(INITIATE_PROJECT_01);
    }
    SelectionTeam team = o.getSelectionTeam();
    if (!isTrue(team.getFormed())) {
      found.add(INITIATE_PROJECT_02);
    }
    if (!isTrue(team.getLeadershipSupport())) {
      found.add(INITIATE_PROJECT_03);
    }
    LocalDate decision = o.getTimeline().getDecisionDate();
    if (decision == null || decision.isBefore(today)) {
      found.add(INITIATE_PROJECT_04);
    }
    if (isBlank(o.getThirdPartyConsultant())) {
      boolean active = false;
      for (Competitor competitor : o.getCompetitors()) {
        if (competitor.getStatus() == CompetitorStatus.ACTIVE) {
          active = true;
          break;
        }
      }
      if (!active) {
        found.add(INITIATE_PROJECT_05);
      }
    }
    BigDecimal amount = o.getAmount();
    if (budget.getAmount() != null && amount != null && budget.getAmount().compareTo(amount) < 0) {
      found.add(INITIATE_PROJECT_06);
    }
  }

  private static void winRecognition(Opportunity o, List<Activity> activities, List<Criterion> found) {
    Solution s = o.getSolution();
    if (!isTrue(s.getPresented())) {
      found.add(WIN_RECOGNITION_01);
    }
    if (!isTrue(s.getDemoDone()) && !isTrue(s.getTechnicalEvaluationPassed())) {
      found.add(WIN_RECOGNITION_02);
    }
    if (!isTrue(s.getProposalSubmitted())) {
      found.add(WIN_RECOGNITION_03);
    }
    if (!isTrue(s.getAcceptedInPrinciple())) {
      found.add(WIN_RECOGNITION_04);
    }
    if (!shortlistedOrSole(o)) {
      found.add(WIN_RECOGNITION_05);
    }
    boolean demo = false;
    for (Activity a : activities) {
      if (a.getType() == ActivityType.DEMO && "WIN_RECOGNITION".equals(a.getStage())
          && o.getCode().equals(a.getOpportunityCode())) {
        demo = true;
        break;
      }
    }
    if (!demo) {
      found.add(WIN_RECOGNITION_06);
    }
  }

  private static void negotiate(Opportunity o, List<Criterion> found) {
    if (!isTrue(o.getContract().getTermsAgreed())) {
      found.add(NEGOTIATE_01);
    }
    if (!shortlistedOrSole(o)) {
      found.add(NEGOTIATE_02);
    }
    if (o.getBudget().getStatus() != BudgetStatus.APPROVED) {
      found.add(NEGOTIATE_03);
    }
    if (o.getVendorStatus() == VendorStatus.SHORTLISTED) {
      found.add(NEGOTIATE_04);
    }
  }

  private static void close(Opportunity o, LocalDate today, List<Criterion> found) {
    Contract contract = o.getContract();
    if (!isTrue(contract.getSigned()) || contract.getSignedOn() == null || contract.getSignedOn().isAfter(today)) {
      found.add(CLOSE_01);
    }
    if (contract.getStartDate() == null) {
      found.add(CLOSE_02);
    }
  }

  private static boolean shortlistedOrSole(Opportunity o) {
    return o.getVendorStatus() == VendorStatus.SHORTLISTED || o.getVendorStatus() == VendorStatus.SOLE;
  }

  private static boolean isTrue(Boolean b) {
    return Boolean.TRUE.equals(b);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean isPositive(BigDecimal n) {
    return n != null && n.signum() > 0;
  }

  private static Criterion blocking(String code, String zh, String en) {
    return new Criterion(code, new Message(zh, en), true);
  }

  private static Criterion warning(String code, String zh, String en) {
    return new Criterion(code, new Message(zh, en), false);
  }

  /**
   * Fails unless both verdicts are the same decision on the same criteria: verdict, failure codes and
   * warning codes in order (messages and the rules version are not compared).
   */
  static void requireSameVerdict(GateVerdict rules, GateVerdict handWritten, String what) {
    boolean same = rules.verdict() == handWritten.verdict()
        && Objects.equals(rules.process(), handWritten.process())
        && Objects.equals(rules.stage(), handWritten.stage())
        && codes(rules.failures()).equals(codes(handWritten.failures()))
        && codes(rules.warnings()).equals(codes(handWritten.warnings()));
    if (!same) {
      throw new IllegalStateException("The hand-written gate disagrees with the rules on " + what
          + ": rules " + summary(rules) + " vs hand-written " + summary(handWritten)
          + " (bring src/test/java/io/oppflow/bench/HandWrittenGates.java in line with rules/projectsales)");
    }
  }

  static String summary(GateVerdict v) {
    return v.verdict() + " failures=" + codes(v.failures()) + " warnings=" + codes(v.warnings());
  }

  private static List<String> codes(List<Criterion> criteria) {
    return criteria.stream().map(Criterion::code).toList();
  }
}
