package io.oppflow.gate.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.ActivityType;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.opportunity.OpportunityStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back the facts a gate record keeps ({@code facts_json}: the opportunity as the API shows it, with its
 * logged activities, written by {@code StageGateService} when the gate was asked) into the objects the rules
 * saw. What is not in the record is not invented: an opportunity's loss is not kept, and the activities are
 * those logged when the gate was asked.
 */
final class RecordedFacts {

  /** The record's facts cannot be read back (written by an older version, or damaged). */
  static final class UnreadableFactsException extends RuntimeException {
    UnreadableFactsException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ObjectMapper json;
  private final ObjectReader facts;

  RecordedFacts(ObjectMapper json) {
    this.json = json;
    // A field added to the opportunity's JSON form later is no fact the rules of today can be missing.
    this.facts = json.readerFor(OpportunityFacts.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The opportunity and activities of {@code factsJson}, as a gate of {@code process} saw them. */
  GateFacts read(String factsJson, String process) {
    try {
      JsonNode view = json.readTree(factsJson);
      if (!(view instanceof ObjectNode node)) {
        throw new UnreadableFactsException("the facts are not a JSON object", null);
      }
      String code = text(node, "code");
      Opportunity opportunity = new Opportunity(code, process, text(node, "processInstanceId"), text(node, "stage"),
          node.hasNonNull("status") ? OpportunityStatus.valueOf(node.get("status").asText()) : OpportunityStatus.OPEN,
          text(node, "owner"), text(node, "orgUnit"), facts.readValue(node), null, instant(node, "createdAt"),
          instant(node, "updatedAt"), instant(node, "closedAt"), node.path("version").asLong());
      return new GateFacts(opportunity, activities(node.path("activities"), code));
    } catch (IOException | RuntimeException e) {
      throw e instanceof UnreadableFactsException u ? u : new UnreadableFactsException(e.getMessage(), e);
    }
  }

  private static List<Activity> activities(JsonNode rows, String code) {
    List<Activity> activities = new ArrayList<>();
    for (JsonNode row : rows) {
      activities.add(new Activity(row.hasNonNull("id") ? row.get("id").asLong() : null, code,
          ActivityType.valueOf(row.path("type").asText()), LocalDate.parse(row.path("date").asText()),
          text(row, "contact"), text(row, "note"), row.path("decisionMaker").asBoolean(false), text(row, "stage"),
          text(row, "recordedBy"),
          Instant.parse(row.path("recordedAt").asText())));
    }
    return activities;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : Instant.parse(value);
  }
}
