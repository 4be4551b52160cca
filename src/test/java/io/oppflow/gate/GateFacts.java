package io.oppflow.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.TestOpportunities;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opportunity facts for rule tables: an opportunity that passes every gate of both processes, and
 * variants of it that change a few facts, written as {@code path=json; path=json}
 * (e.g. {@code customer.industry=null; competitors=[]}).
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

  static GateVerdict evaluate(String process, String stage, Opportunity opportunity) {
    return ShippedRules.RULES.evaluate(new GateRequest(process, stage, TODAY), opportunity);
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
