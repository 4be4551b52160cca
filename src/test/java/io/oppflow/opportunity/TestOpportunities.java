package io.oppflow.opportunity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Builds opportunities from their JSON form, for tests that need one without a database. */
public final class TestOpportunities {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .findAndAddModules()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private TestOpportunities() {}

  /** The opportunity of {@code docs/examples/opportunity-qualified.json}. */
  public static Opportunity qualifiedExample() {
    try {
      return fromJson(Files.readString(Path.of("docs/examples/opportunity-qualified.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String qualifiedExampleJson() {
    try {
      return Files.readString(Path.of("docs/examples/opportunity-qualified.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An opportunity with the given JSON facts (the API's JSON form); owner/orgUnit/process default sensibly. */
  public static Opportunity fromJson(String json) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(json);
      String code = node.path("code").asText("OPP-TEST-1");
      String process = node.path("process").asText("project-sales-funnel");
      String owner = node.path("owner").asText("rep1");
      String orgUnit = node.path("orgUnit").asText("HQ/East/Shanghai-1");
      OpportunityFacts facts = JSON.treeToValue(node, OpportunityFacts.class);
      return Opportunity.draft(code, process, owner, orgUnit, null, facts, Instant.parse("2026-11-27T00:00:00Z"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
