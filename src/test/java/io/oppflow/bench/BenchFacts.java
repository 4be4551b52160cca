package io.oppflow.bench;

import io.oppflow.gate.GateRequest;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.ActivityType;
import io.oppflow.opportunity.Budget;
import io.oppflow.opportunity.BudgetStatus;
import io.oppflow.opportunity.Competitor;
import io.oppflow.opportunity.CompetitorStatus;
import io.oppflow.opportunity.Contact;
import io.oppflow.opportunity.Contract;
import io.oppflow.opportunity.Customer;
import io.oppflow.opportunity.CustomerType;
import io.oppflow.opportunity.EconomicHealth;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.opportunity.ProjectType;
import io.oppflow.opportunity.SelectionTeam;
import io.oppflow.opportunity.Solution;
import io.oppflow.opportunity.SystemStatus;
import io.oppflow.opportunity.Timeline;
import io.oppflow.opportunity.VendorStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic facts for the benchmarks: the example opportunity of {@code docs/examples} (华东制造集团 ERP
 * upgrade) as it stands when its rep asks to leave each stage of the project-sales funnel. Facts and
 * logged activities accumulate stage by stage, the way a real opportunity fills up; every gate passes,
 * some with warnings (DISCOVER-10 no budget yet, NEGOTIATE-04 shortlisted, not sole vendor), so the
 * benchmarks exercise matching, findings and verdicts alike.
 */
final class BenchFacts {

  static final String PROCESS = "project-sales-funnel";

  /** The stages of the project-sales funnel, in order; each has the gate that leaves it. */
  static final List<String> STAGES = List.of(
      "TARGET", "DISCOVER", "CONFIRM_INTENT", "INITIATE_PROJECT", "WIN_RECOGNITION", "NEGOTIATE", "CLOSE");

  /** The shipped rules: the top-level {@code rules/} folder (run from the repository root). */
  static final Path RULES = Path.of("rules");

  /** The evaluation date; the facts' dates lie around it. */
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  static final String CODE = "OPP-2026-BENCH-1";
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final String DECISION_MAKER = "王强";
  private static final String FINANCE = "李娜";

  private BenchFacts() {}

  /** One gate evaluation's input: the request, the opportunity and its logged activities. */
  record GateInput(GateRequest request, Opportunity opportunity, List<Activity> activities) {

    /** The facts as {@code RuleSet.evaluate} takes them (the request is passed separately). */
    Object[] facts() {
      Object[] facts = new Object[1 + activities.size()];
      facts[0] = opportunity;
      for (int i = 0; i < activities.size(); i++) {
        facts[i + 1] = activities.get(i);
      }
      return facts;
    }
  }

  /** The opportunity as it stands when its rep asks to leave {@code stage}. */
  static GateInput at(String stage) {
    return at(stage, stage);
  }

  /** The opportunity as it stands when its rep asks to leave {@code factsOf}, asked at the gate of {@code gate}. */
  static GateInput at(String factsOf, String gate) {
    int s = index(factsOf);
    index(gate);
    return new GateInput(new GateRequest(PROCESS, gate, TODAY),
        Opportunity.draft(CODE, PROCESS, "rep1", "HQ/East/Shanghai-1", factsOf, factsAt(s), NOW),
        activitiesUpTo(s));
  }

  /** A just-created opportunity (name and customer only) and no activity: every gate fails it. */
  static GateInput minimalAt(String stage) {
    Customer customer = new Customer();
    customer.setName("某客户");
    OpportunityFacts facts = new OpportunityFacts("新商机 / New opportunity", customer, null, null, "East",
        new BigDecimal("500000"), null, null, null, null, null, null, null, null, null, null, null, null, null);
    return new GateInput(new GateRequest(PROCESS, stage, TODAY),
        Opportunity.draft("OPP-2026-BENCH-2", PROCESS, "rep1", "HQ/East/Shanghai-1", stage, facts, NOW),
        List.of());
  }

  private static int index(String stage) {
    int s = STAGES.indexOf(stage);
    if (s < 0) {
      throw new IllegalArgumentException("Not a project-sales-funnel stage: " + stage);
    }
    return s;
  }

  private static OpportunityFacts factsAt(int s) {
    Customer customer = new Customer();
    customer.setName("华东制造集团");
    customer.setIndustry("manufacturing");
    customer.setInTargetSegment(true);
    if (s >= 1) {
      customer.setHeadcount(3200);
      customer.setAnnualRevenue(new BigDecimal("850000000"));
      customer.setItLandscape("SAP R/3 since 2008; 40 servers; MPLS network between 6 plants");
      customer.setCurrentSystemStatus(SystemStatus.POOR);
      customer.setEconomicHealth(EconomicHealth.GOOD);
    }
    Budget budget = null;
    if (s >= 1) {
      budget = new Budget();
      budget.setCurrency("CNY");
      budget.setStatus(s >= 5 ? BudgetStatus.APPROVED : s >= 3 ? BudgetStatus.PRELIMINARY : BudgetStatus.NONE);
      budget.setAmount(s >= 3 ? new BigDecimal("2000000") : null);
    }
    SelectionTeam team = null;
    Timeline timeline = null;
    if (s >= 3) {
      team = new SelectionTeam();
      team.setFormed(true);
      team.setLeadershipSupport(true);
      timeline = new Timeline();
      timeline.setDecisionDate(LocalDate.of(2027, 1, 15));
      timeline.setGoLiveDate(LocalDate.of(2027, 9, 1));
    }
    Solution solution = null;
    if (s >= 4) {
      solution = new Solution();
      solution.setPresented(true);
      solution.setDemoDone(true);
      solution.setTechnicalEvaluationPassed(true);
      solution.setProposalSubmitted(true);
      solution.setAcceptedInPrinciple(true);
    }
    Contract contract = null;
    if (s >= 5) {
      contract = new Contract();
      contract.setTermsAgreed(true);
    }
    if (s >= 6) {
      contract.setSigned(true);
      contract.setSignedOn(LocalDate.of(2026, 11, 30));
      contract.setStartDate(LocalDate.of(2027, 1, 4));
    }
    return new OpportunityFacts(
        "华东制造集团 ERP 升级 / East China Manufacturing ERP upgrade",
        customer,
        CustomerType.NEW,
        ProjectType.LARGE,
        "East",
        new BigDecimal("1800000"),
        "CNY",
        s >= 2 ? LocalDate.of(2027, 3, 31) : null,
        s >= 1 ? "Replace the ageing ERP; one finance and supply-chain system for all plants" : null,
        s >= 2 ? Boolean.TRUE : null,
        budget,
        team,
        timeline,
        s >= 1 ? List.of(new Competitor("Kingdee", CompetitorStatus.ACTIVE), new Competitor("Yonyou", CompetitorStatus.ELIMINATED)) : List.of(),
        s >= 3 ? "Deloitte" : null,
        s >= 1 ? List.of(new Contact(DECISION_MAKER, "CIO", true), new Contact(FINANCE, "Finance director", false),
            new Contact("张伟", "IT manager", false)) : List.of(),
        solution,
        s >= 4 ? VendorStatus.SHORTLISTED : null,
        contract);
  }

  /** The activities a rep logs in the stages up to and including stage {@code s}. */
  private static List<Activity> activitiesUpTo(int s) {
    List<Activity> all = new ArrayList<>();
    all.add(activity(ActivityType.CALL, LocalDate.of(2026, 3, 2), null, "Intro call with the IT department", 0));
    all.add(activity(ActivityType.VISIT, LocalDate.of(2026, 3, 20), FINANCE, "Site visit, plant 1; finance pains", 1));
    all.add(activity(ActivityType.MEETING, LocalDate.of(2026, 4, 8), "张伟", "IT landscape walkthrough", 1));
    all.add(activity(ActivityType.MEETING, LocalDate.of(2026, 5, 12), DECISION_MAKER, "CIO confirms the ERP replacement need", 2));
    all.add(activity(ActivityType.CALL, LocalDate.of(2026, 5, 20), DECISION_MAKER, "Follow-up on needs document", 2));
    all.add(activity(ActivityType.MEETING, LocalDate.of(2026, 6, 18), FINANCE, "Budget workshop", 3));
    all.add(activity(ActivityType.DEMO, LocalDate.of(2026, 8, 5), DECISION_MAKER, "Finance and supply-chain demo", 4));
    all.add(activity(ActivityType.PROPOSAL, LocalDate.of(2026, 9, 1), DECISION_MAKER, "Proposal handed over", 4));
    all.add(activity(ActivityType.MEETING, LocalDate.of(2026, 10, 22), FINANCE, "Terms and payment schedule", 5));
    all.add(activity(ActivityType.VISIT, LocalDate.of(2026, 11, 30), DECISION_MAKER, "Contract signing", 6));
    return all.stream().filter(a -> index(a.getStage()) <= s).toList();
  }

  private static Activity activity(ActivityType type, LocalDate date, String contact, String note, int stage) {
    return new Activity(CODE, type, date, contact, note, STAGES.get(stage), "rep1",
        date.atStartOfDay().toInstant(ZoneOffset.UTC));
  }
}
