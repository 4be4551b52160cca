package io.oppflow.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Request bodies for opening opportunities in tests, each with a fresh code. */
public final class Opportunities {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Opportunities() {}

  public static String freshCode(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** The shared example (passes the first two gates) with a fresh code. */
  public static ObjectNode qualified(String code) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(Files.readString(Path.of("docs/examples/opportunity-qualified.json")));
      node.put("code", code);
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Only a name, customer name, owner, org unit, region and amount, in the project-sales-funnel (named: with
   * both shipped processes deployed an opening must name its process): fails the first gate.
   */
  public static ObjectNode minimal(String code) {
    ObjectNode node = JSON.createObjectNode();
    node.put("code", code);
    node.put("process", "project-sales-funnel");
    node.put("name", "最小商机 / Minimal opportunity");
    node.putObject("customer").put("name", "上海某公司");
    node.put("owner", "rep1");
    node.put("orgUnit", "HQ/East/Shanghai-1");
    node.put("region", "East");
    node.put("amount", 250000);
    return node;
  }

  /** Facts that pass every gate of the project-sales-funnel from stage 3 on (a JSON merge patch). */
  public static String allRemainingFacts() {
    return """
        {
          "needConfirmed": true,
          "budget": {"amount": 2000000, "currency": "CNY", "status": "APPROVED"},
          "selectionTeam": {"formed": true, "leadershipSupport": true},
          "timeline": {"decisionDate": "2099-01-15", "goLiveDate": "2099-09-01"},
          "solution": {"presented": true, "demoDone": true, "technicalEvaluationPassed": true,
                       "proposalSubmitted": true, "acceptedInPrinciple": true},
          "vendorStatus": "SOLE",
          "expectedCloseDate": "2099-03-31",
          "contract": {"termsAgreed": true, "signed": true, "signedOn": "2026-01-10", "startDate": "2099-02-01"}
        }
        """;
  }
}
