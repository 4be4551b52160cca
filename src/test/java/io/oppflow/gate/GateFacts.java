package io.oppflow.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.ActivityType;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.TestOpportunities;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opportunity facts for rule tables: an opportunity that passes every gate of both processes (with the
 * activities of {@link #ALL_GOOD_ACTIVITIES}), and variants of it that change a few facts, written as
 * {@code path=json; path=json} (e.g. {@code customer.industry=null; competitors=[]}).
 */
final class GateFacts {

  static final String PROJECT_SALES = "project-sales-funnel";
  static final String CLASSIC = "classic-funnel";

  /** The evaluation date of every table; the dates of {@link #ALL_GOOD} lie around it. */
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  /** The shared example's facts plus the later-stage ones, with us as sole vendor: no gate finds anything. */
  static final String ALL_GOOD = """
      {
        "name": "华东制造集团 ERP 升级 / East China Manufacturing ERP upgrade",
        "customer": {
          "name": "华东制造集团",
          "industry": "manufacturing",
          "headcount": 3200,
          "annualRevenue": 850000000,
          "itLandscape": "SAP R/3 since 2008; 40 servers; MPLS network between 6 plants",
          "currentSystemStatus": "POOR",
          "economicHealth": "GOOD",
          "inTargetSegment": true
        },
        "customerType": "NEW",
        "projectType": "LARGE",
        "region": "East",
        "orgUnit": "HQ/East/Shanghai-1",
        "owner": "rep1",
        "amount": 1800000,
        "currency": "CNY",
        "expectedCloseDate": "2027-03-31",
        "needs": "Replace the ageing ERP; one finance and supply-chain system for all plants",
        "needConfirmed": true,
        "budget": { "amount": 2000000, "currency": "CNY", "status": "APPROVED" },
        "selectionTeam": { "formed": true, "leadershipSupport": true },
        "timeline": { "decisionDate": "2027-01-15", "goLiveDate": "2027-09-01" },
        "competitors": [ { "name": "Kingdee", "status": "ACTIVE" } ],
        "thirdPartyConsultant": "Deloitte",
        "customerProjectTeam": [
          { "name": "王强", "title": "CIO", "decisionMaker": true },
          { "name": "李娜", "title": "Finance director", "decisionMaker": false }
        ],
        "solution": {
          "presented": true,
          "demoDone": true,
          "technicalEvaluationPassed": true,
          "proposalSubmitted": true,
          "acceptedInPrinciple": true
        },
        "vendorStatus": "SOLE",
        "contract": {
          "termsAgreed": true,
          "signed": true,
          "signedOn": "2026-11-30",
          "startDate": "2027-01-04"
        }
      }
      """;

  /** An opportunity with only what creating one asks for. */
  static final String MINIMAL = """
      {
        "name": "新商机 / New opportunity",
        "customer": { "name": "某客户" },
        "owner": "rep1",
        "orgUnit": "HQ/East/Shanghai-1",
        "region": "East",
        "amount": 500000
      }
      """;

  /**
   * The activities that give every gate its evidence: the decision maker 王强 met while confirming intent,
   * a demo while winning recognition.
   */
  static final String ALL_GOOD_ACTIVITIES = "MEETING with 王强 in CONFIRM_INTENT; DEMO with 王强 in WIN_RECOGNITION";

  private static final Pattern ACTIVITY = Pattern.compile("([A-Z]+)(?: with (.+?))? in ([A-Z_]+)");
  private static final Instant LOGGED_AT = Instant.parse("2026-11-24T09:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();

  private GateFacts() {}

  static Opportunity allGood() {
    return TestOpportunities.fromJson(ALL_GOOD);
  }

  /** {@link #ALL_GOOD} with {@code changes} applied; blank changes leave it as it is. */
  static Opportunity allGoodExcept(String changes) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(ALL_GOOD);
      if (changes != null && !changes.isBlank()) {
        for (String change : changes.split(";")) {
          int eq = change.indexOf('=');
          set(root, change.substring(0, eq).strip(), JSON.readTree(change.substring(eq + 1).strip()));
        }
      }
      return TestOpportunities.fromJson(JSON.writeValueAsString(root));
    } catch (Exception e) {
      throw new IllegalArgumentException("Bad fact changes: " + changes, e);
    }
  }

  /** {@code opportunity} at the gate, with the activities of {@link #ALL_GOOD_ACTIVITIES}. */
  static GateVerdict evaluate(String process, String stage, Opportunity opportunity) {
    return evaluate(process, stage, opportunity, ALL_GOOD_ACTIVITIES);
  }

  /** {@code opportunity} at the gate, with the activities of a table cell (see {@link #activities}). */
  static GateVerdict evaluate(String process, String stage, Opportunity opportunity, String activities) {
    List<Object> facts = new ArrayList<>(List.of(opportunity));
    facts.addAll(activities(opportunity.getCode(), activities));
    return ShippedRules.RULES.evaluate(new GateRequest(process, stage, TODAY), facts.toArray());
  }

  /**
   * The logged activities of opportunity {@code code} written as {@code TYPE [with CONTACT] in STAGE; ...}
   * (e.g. {@code MEETING with 王强 in CONFIRM_INTENT}); an empty cell is no activity.
   */
  static List<Activity> activities(String code, String cell) {
    List<Activity> activities = new ArrayList<>();
    if (cell == null) {
      return activities;
    }
    for (String entry : cell.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      Matcher row = ACTIVITY.matcher(entry.strip());
      if (!row.matches()) {
        throw new IllegalArgumentException("Bad activity '" + entry + "': write TYPE [with CONTACT] in STAGE");
      }
      activities.add(new Activity(code, ActivityType.valueOf(row.group(1)), TODAY.minusDays(7), row.group(2), null,
          row.group(3), "rep1", LOGGED_AT));
    }
    return activities;
  }

  /** Asserts exactly these failure and warning codes (space-separated cells of a table row). */
  static void assertFindings(GateVerdict verdict, String failures, String warnings) {
    assertThat(codes(verdict.failures())).as("blocking failures").isEqualTo(codes(failures));
    assertThat(codes(verdict.warnings())).as("warnings").isEqualTo(codes(warnings));
    assertThat(verdict.passed()).as("passed").isEqualTo(codes(failures).isEmpty());
  }

  static Set<String> codes(List<Criterion> criteria) {
    Set<String> codes = new TreeSet<>();
    criteria.forEach(c -> codes.add(c.code()));
    return codes;
  }

  /** A space-separated list of codes from a table cell; an empty cell is no code. */
  static Set<String> codes(String cell) {
    Set<String> codes = new TreeSet<>();
    if (cell != null) {
      Arrays.stream(cell.split("\\s+")).filter(s -> !s.isBlank()).forEach(codes::add);
    }
    return codes;
  }

  private static void set(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
    }
    node.set(parts[parts.length - 1], value);
  }
}
