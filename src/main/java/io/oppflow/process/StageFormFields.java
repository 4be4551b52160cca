package io.oppflow.process;

import io.oppflow.shared.FieldError;
import io.oppflow.shared.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.opportunity.OpportunityFacts;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Camunda Forms bind flat keys ({@code customerIndustry}); the opportunity's facts are nested
 * ({@code customer.industry}). This is the one table between the two. The two lists (competitors, the
 * customer's project team) are edited as lines of text: "name | status" and "name | title | yes/no" (是/否 too).
 * Not as form-js dynamic lists: Tasklist 7.24 reads and writes a list only as a JSON variable, which needs Camunda
 * Spin, not part of this service (designing-stage-processes.md, "Lists on a form").
 */
@Component
public class StageFormFields {

  private static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("opportunityName", "name");
    FIELDS.put("customerName", "customer.name");
    FIELDS.put("customerIndustry", "customer.industry");
    FIELDS.put("customerHeadcount", "customer.headcount");
    FIELDS.put("customerAnnualRevenue", "customer.annualRevenue");
    FIELDS.put("customerItLandscape", "customer.itLandscape");
    FIELDS.put("customerCurrentSystemStatus", "customer.currentSystemStatus");
    FIELDS.put("customerEconomicHealth", "customer.economicHealth");
    FIELDS.put("customerInTargetSegment", "customer.inTargetSegment");
    FIELDS.put("customerType", "customerType");
    FIELDS.put("projectType", "projectType");
    FIELDS.put("region", "region");
    FIELDS.put("amount", "amount");
    FIELDS.put("expectedCloseDate", "expectedCloseDate");
    FIELDS.put("needs", "needs");
    FIELDS.put("needConfirmed", "needConfirmed");
    FIELDS.put("budgetAmount", "budget.amount");
    FIELDS.put("budgetStatus", "budget.status");
    FIELDS.put("selectionTeamFormed", "selectionTeam.formed");
    FIELDS.put("selectionTeamLeadershipSupport", "selectionTeam.leadershipSupport");
    FIELDS.put("timelineDecisionDate", "timeline.decisionDate");
    FIELDS.put("timelineGoLiveDate", "timeline.goLiveDate");
    FIELDS.put("thirdPartyConsultant", "thirdPartyConsultant");
    FIELDS.put("solutionPresented", "solution.presented");
    FIELDS.put("solutionDemoDone", "solution.demoDone");
    FIELDS.put("solutionTechnicalEvaluationPassed", "solution.technicalEvaluationPassed");
    FIELDS.put("solutionProposalSubmitted", "solution.proposalSubmitted");
    FIELDS.put("solutionAcceptedInPrinciple", "solution.acceptedInPrinciple");
    FIELDS.put("vendorStatus", "vendorStatus");
    FIELDS.put("contractTermsAgreed", "contract.termsAgreed");
    FIELDS.put("contractSigned", "contract.signed");
    FIELDS.put("contractSignedOn", "contract.signedOn");
    FIELDS.put("contractStartDate", "contract.startDate");
  }

  static final String COMPETITORS = "competitors";
  static final String PROJECT_TEAM = "customerProjectTeam";

  private final ObjectMapper json;

  StageFormFields(ObjectMapper json) {
    this.json = json;
  }

  /** The form values of these facts, by form key (absent facts are null). */
  public Map<String, Object> toForm(OpportunityFacts facts) {
    ObjectNode tree = json.valueToTree(facts);
    Map<String, Object> form = new LinkedHashMap<>();
    FIELDS.forEach((key, path) -> form.put(key, formValue(at(tree, path))));
    form.put(COMPETITORS, competitorLines(tree.path("competitors")));
    form.put(PROJECT_TEAM, contactLines(tree.path("customerProjectTeam")));
    return form;
  }

  /** The keys whose submitted value differs from the value the form was prefilled with. */
  public Map<String, Object> changes(Map<String, Object> submitted, Map<String, Object> baseline) {
    Map<String, Object> changed = new LinkedHashMap<>();
    for (String key : keys()) {
      if (submitted.containsKey(key) && !same(submitted.get(key), baseline.get(key))) {
        changed.put(key, submitted.get(key));
      }
    }
    return changed;
  }

  /** {@code facts} with the changed form values written in; errors name the form field. */
  public OpportunityFacts apply(OpportunityFacts facts, Map<String, Object> changed) {
    ObjectNode tree = json.valueToTree(facts);
    changed.forEach((key, value) -> {
      if (key.equals(COMPETITORS)) {
        tree.set("competitors", parseCompetitors(value));
      } else if (key.equals(PROJECT_TEAM)) {
        tree.set("customerProjectTeam", parseContacts(value));
      } else {
        put(tree, FIELDS.get(key), value);
      }
    });
    try {
      return json.treeToValue(tree, OpportunityFacts.class);
    } catch (Exception e) {
      throw new InvalidRequestException(changed.keySet().stream()
          .map(k -> new FieldError(k, "值不被接受：" + changed.get(k) + " / value not accepted: " + changed.get(k)))
          .toList());
    }
  }

  /** The facts a start form's values describe, nothing else recorded yet; errors name the form field. */
  public OpportunityFacts fromForm(Map<String, Object> values) {
    Map<String, Object> known = new LinkedHashMap<>();
    for (String key : keys()) {
      if (values.containsKey(key)) {
        known.put(key, values.get(key));
      }
    }
    return apply(json.convertValue(Map.of(), OpportunityFacts.class), known);
  }

  /** The form key of a fact's path ({@code customer.name} → {@code customerName}), or the path itself. */
  public static String formKeyOf(String factPath) {
    return FIELDS.entrySet().stream().filter(e -> e.getValue().equals(factPath)).map(Map.Entry::getKey)
        .findFirst().orElse(factPath);
  }

  public static Iterable<String> keys() {
    java.util.List<String> keys = new java.util.ArrayList<>(FIELDS.keySet());
    keys.add(COMPETITORS);
    keys.add(PROJECT_TEAM);
    return keys;
  }

  private static JsonNode at(ObjectNode tree, String path) {
    JsonNode node = tree;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  private static Object formValue(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }

  private void put(ObjectNode tree, String path, Object value) {
    String[] parts = path.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
    }
    Object v = value instanceof String s && s.isBlank() ? null : value;
    node.set(parts[parts.length - 1], json.valueToTree(v));
  }

  private static String competitorLines(JsonNode competitors) {
    StringBuilder lines = new StringBuilder();
    for (JsonNode c : competitors) {
      lines.append(c.path("name").asText());
      if ("ELIMINATED".equals(c.path("status").asText())) {
        lines.append(" | ELIMINATED");
      }
      lines.append('\n');
    }
    return lines.toString().strip();
  }

  private static String contactLines(JsonNode contacts) {
    StringBuilder lines = new StringBuilder();
    for (JsonNode c : contacts) {
      lines.append(c.path("name").asText()).append(" | ").append(c.path("title").asText(""))
          .append(" | ").append(c.path("decisionMaker").asBoolean() ? "yes" : "no").append('\n');
    }
    return lines.toString().strip();
  }

  private static ArrayNode parseCompetitors(Object text) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (String line : lines(text)) {
      String[] parts = line.split("\\|");
      ObjectNode c = list.addObject().put("name", parts[0].strip());
      String status = parts.length > 1 ? parts[1].strip() : "";
      boolean eliminated = status.toUpperCase(Locale.ROOT).startsWith("ELIM") || status.contains("出局");
      c.put("status", eliminated ? "ELIMINATED" : "ACTIVE");
    }
    return list;
  }

  private static ArrayNode parseContacts(Object text) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (String line : lines(text)) {
      String[] parts = line.split("\\|");
      ObjectNode c = list.addObject().put("name", parts[0].strip());
      c.put("title", parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null);
      String dm = parts.length > 2 ? parts[2].strip().toLowerCase(Locale.ROOT) : "";
      c.put("decisionMaker", dm.equals("yes") || dm.equals("y") || dm.equals("true") || dm.equals("是"));
    }
    return list;
  }

  private static java.util.List<String> lines(Object text) {
    if (text == null) {
      return java.util.List.of();
    }
    return text.toString().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (a instanceof String s && s.isBlank()) {
      a = null;
    }
    if (b instanceof String s && s.isBlank()) {
      b = null;
    }
    return Objects.equals(a, b);
  }
}
