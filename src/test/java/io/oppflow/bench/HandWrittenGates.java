package io.oppflow.bench;

import io.oppflow.shared.Message;
import io.oppflow.gate.Criterion;
import io.oppflow.gate.GateRequest;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.gate.RuleSet;
import io.oppflow.gate.Verdict;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.ActivityType;
import io.oppflow.opportunity.BudgetStatus;
import io.oppflow.opportunity.CompetitorStatus;
import io.oppflow.opportunity.Contact;
import io.oppflow.opportunity.EconomicHealth;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.SystemStatus;
import io.oppflow.opportunity.VendorStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The baseline of the gate benchmarks: the criteria of the seven project-sales-funnel gates
 * ({@code rules/projectsales/}: the rows of {@code criteria.drl.csv} and the DRL rules) written by hand in
 * plain Java, as they would be without a rule engine: one line per criterion, like a row of the decision
 * table. It answers with the same {@link GateVerdict} as {@code RuleSet.evaluate} (same codes, same
 * blocking/warning split, same order, the rules' messages), so the benchmark compares equal work.
 *
 * <p>It is a benchmark baseline, not a second source of truth: {@code HandWrittenGatesTests} runs every
 * case of {@code rules/projectsales/*.cases.yaml} through it, and the benchmark's setup refuses to run when
 * its verdicts differ from the rules'.
 */
final class HandWrittenGates {

  static final String VERSION = "hand-written";
  private static final String PROCESS = "project-sales-funnel";

  /** What one criterion looks at. */
  private record Facts(Opportunity o, List<Activity> activities, LocalDate today) {}

  /** A criterion of a gate: it is found when {@code fails} holds. */
  private record Check(String code, Predicate<Facts> fails) {}

  private static final Map<String, List<Check>> CHECKS = Map.of(
      "TARGET", List.of(
          check("TARGET-01", f -> !isTrue(f.o().getCustomer().getInTargetSegment())),
          check("TARGET-02", f -> isBlank(f.o().getCustomer().getIndustry()))),
      "DISCOVER", List.of(
          check("DISCOVER-01", f -> isBlank(f.o().getCustomer().getIndustry()) || f.o().getCustomer().getHeadcount() == null
              || f.o().getCustomer().getHeadcount() <= 0 || !isPositive(f.o().getCustomer().getAnnualRevenue())),
          check("DISCOVER-02", f -> isBlank(f.o().getCustomer().getItLandscape())),
          check("DISCOVER-03", f -> f.o().getCompetitors().isEmpty()),
          check("DISCOVER-04", f -> isBlank(f.o().getNeeds()) || f.o().getBudget().getStatus() == null),
          check("DISCOVER-05", f -> f.o().getCustomerProjectTeam().isEmpty()),
          check("DISCOVER-06", f -> !isTrue(f.o().getCustomer().getInTargetSegment())),
          check("DISCOVER-07", f -> f.o().getCustomer().getEconomicHealth() != EconomicHealth.GOOD
              && f.o().getCustomer().getEconomicHealth() != EconomicHealth.FAIR),
          check("DISCOVER-08", f -> f.o().getCustomer().getCurrentSystemStatus() != SystemStatus.NONE
              && f.o().getCustomer().getCurrentSystemStatus() != SystemStatus.INCOMPLETE
              && f.o().getCustomer().getCurrentSystemStatus() != SystemStatus.POOR),
          check("DISCOVER-09", f -> f.o().getCustomer().getEconomicHealth() == EconomicHealth.FAIR),
          check("DISCOVER-10", f -> f.o().getBudget().getStatus() == BudgetStatus.NONE)),
      "CONFIRM_INTENT", List.of(
          check("CONFIRM_INTENT-01", f -> !isTrue(f.o().getNeedConfirmed())),
          check("CONFIRM_INTENT-02", f -> f.o().getCustomerProjectTeam().stream().noneMatch(Contact::isDecisionMaker)),
          check("CONFIRM_INTENT-03", f -> isBlank(f.o().getNeeds())),
          check("CONFIRM_INTENT-04", f -> f.o().getExpectedCloseDate() == null || f.o().getExpectedCloseDate().isBefore(f.today())),
          check("CONFIRM_INTENT-05", f -> !metDecisionMakerIn("CONFIRM_INTENT", f))),
      "INITIATE_PROJECT", List.of(
          check("INITIATE_PROJECT-01", f -> (f.o().getBudget().getStatus() != BudgetStatus.PRELIMINARY
              && f.o().getBudget().getStatus() != BudgetStatus.APPROVED) || !isPositive(f.o().getBudget().getAmount())),
          check("INITIATE_PROJECT-02", f -> !isTrue(f.o().getSelectionTeam().getFormed())),
          check("INITIATE_PROJECT-03", f -> !isTrue(f.o().getSelectionTeam().getLeadershipSupport())),
          check("INITIATE_PROJECT-04", f -> f.o().getTimeline().getDecisionDate() == null
              || f.o().getTimeline().getDecisionDate().isBefore(f.today())),
          check("INITIATE_PROJECT-05", f -> isBlank(f.o().getThirdPartyConsultant())
              && f.o().getCompetitors().stream().noneMatch(c -> c.getStatus() == CompetitorStatus.ACTIVE)),
          check("INITIATE_PROJECT-06", f -> f.o().getBudget().getAmount() != null && f.o().getAmount() != null
              && f.o().getBudget().getAmount().compareTo(f.o().getAmount()) < 0)),
      "WIN_RECOGNITION", List.of(
          check("WIN_RECOGNITION-01", f -> !isTrue(f.o().getSolution().getPresented())),
          check("WIN_RECOGNITION-02", f -> !isTrue(f.o().getSolution().getDemoDone())
              && !isTrue(f.o().getSolution().getTechnicalEvaluationPassed())),
          check("WIN_RECOGNITION-03", f -> !isTrue(f.o().getSolution().getProposalSubmitted())),
          check("WIN_RECOGNITION-04", f -> !isTrue(f.o().getSolution().getAcceptedInPrinciple())),
          check("WIN_RECOGNITION-05", f -> !shortlistedOrSole(f.o())),
          check("WIN_RECOGNITION-06", f -> f.activities().stream().noneMatch(a -> a.getType() == ActivityType.DEMO
              && "WIN_RECOGNITION".equals(a.getStage()) && f.o().getCode().equals(a.getOpportunityCode())))),
      "NEGOTIATE", List.of(
          check("NEGOTIATE-01", f -> !isTrue(f.o().getContract().getTermsAgreed())),
          check("NEGOTIATE-02", f -> !shortlistedOrSole(f.o())),
          check("NEGOTIATE-03", f -> f.o().getBudget().getStatus() != BudgetStatus.APPROVED),
          check("NEGOTIATE-04", f -> f.o().getVendorStatus() == VendorStatus.SHORTLISTED)),
      "CLOSE", List.of(
          check("CLOSE-01", f -> !isTrue(f.o().getContract().getSigned()) || f.o().getContract().getSignedOn() == null
              || f.o().getContract().getSignedOn().isAfter(f.today())),
          check("CLOSE-02", f -> f.o().getContract().getStartDate() == null)));

  private static volatile Map<String, Criterion> shippedCriteria;

  private final Map<String, Criterion> criteria;

  /** With the messages of the shipped rules ({@code rules/}). */
  HandWrittenGates() {
    this(shippedCriteria());
  }

  /** With the criteria (code, messages, blocking) of a compiled rule set, see {@code RuleSet.criteria()}. */
  HandWrittenGates(Map<String, Criterion> criteria) {
    this.criteria = Map.copyOf(criteria);
    CHECKS.values().forEach(checks -> checks.forEach(c -> {
      if (!criteria.containsKey(c.code())) {
        throw new IllegalStateException("The rules no longer state " + c.code() + ": bring HandWrittenGates in line");
      }
    }));
  }

  /** Runs the gate asked by {@code request} on the opportunity and the activities logged for it. */
  GateVerdict evaluate(GateRequest request, Opportunity o, List<Activity> activities) {
    if (!PROCESS.equals(request.getProcess())) {
      throw new IllegalArgumentException("Only the project-sales funnel is written by hand: " + request.getProcess());
    }
    // no check for the stage: nothing is found, as with the rules
    Facts facts = new Facts(o, activities, request.getToday());
    List<Criterion> failures = new ArrayList<>(4);
    List<Criterion> warnings = new ArrayList<>(4);
    for (Check check : CHECKS.getOrDefault(request.getStage(), List.of())) {
      if (check.fails().test(facts)) {
        Criterion c = criteria.get(check.code());
        (c.blocking() ? failures : warnings).add(c);
      }
    }
    failures.sort(Comparator.comparing(Criterion::code));
    warnings.sort(Comparator.comparing(Criterion::code));
    Verdict verdict = failures.isEmpty() ? Verdict.PASSED : Verdict.FAILED;
    return new GateVerdict(request.getProcess(), request.getStage(), verdict, failures, warnings, VERSION);
  }

  /** Whether a meeting or visit with a decision maker of the project team was logged for the opportunity in {@code stage}. */
  private static boolean metDecisionMakerIn(String stage, Facts f) {
    for (Activity a : f.activities()) {
      if ((a.getType() == ActivityType.MEETING || a.getType() == ActivityType.VISIT)
          && stage.equals(a.getStage()) && a.getContact() != null && f.o().getCode().equals(a.getOpportunityCode())
          && (a.isDecisionMaker()
              || f.o().getCustomerProjectTeam().stream().anyMatch(c -> c.isDecisionMaker() && a.getContact().equals(c.getName())))) {
        return true;
      }
    }
    return false;
  }

  private static Check check(String code, Predicate<Facts> fails) {
    return new Check(code, fails);
  }

  private static Map<String, Criterion> shippedCriteria() {
    if (shippedCriteria == null) {
      shippedCriteria = RuleSet.compile(RuleFiles.read(BenchFacts.RULES)).criteria();
    }
    return shippedCriteria;
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
