package io.oppflow.opportunity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.oppflow.opportunity.ActivityView;
import io.oppflow.opportunity.Opportunity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The read-only fields of an opportunity as a GET shows them, to tell a PATCH that sends one back unchanged from
 * one that tries to change it. Values compare as JSON values, not as text: 1200000 is 1200000.00, and a time is
 * the same instant in any ISO form (within the millisecond, as the databases keep it).
 */
final class ReadOnlyFields {

  private static final Duration SAME_INSTANT = Duration.ofMillis(1);

  private final ObjectMapper json;
  private final Opportunity current;
  private final Supplier<List<ActivityView>> activities;

  ReadOnlyFields(ObjectMapper json, Opportunity current, Supplier<List<ActivityView>> activities) {
    this.json = json;
    this.current = current;
    this.activities = activities;
  }

  /** Whether {@code sent} is what a GET shows of {@code field} now (null for a field a GET leaves out). */
  boolean isUnchanged(String field, JsonNode sent) {
    return same(sent, value(field));
  }

  /** The current value, as told in a refusal. */
  String describe(String field) {
    JsonNode value = value(field);
    return value.isNull() ? "not set" : field.equals("activities") ? "the logged activities" : value.toString();
  }

  private JsonNode value(String field) {
    Object value = switch (field) {
      case "code" -> current.getCode();
      case "process" -> current.getProcessKey();
      case "processInstanceId" -> current.getProcessInstanceId();
      case "stage" -> current.getStage();
      case "status" -> current.getStatus();
      case "owner" -> current.getOwner();
      case "orgUnit" -> current.getOrgUnit();
      case "lost" -> current.getLoss();
      case "createdAt" -> current.getCreatedAt();
      case "updatedAt" -> current.getUpdatedAt();
      case "closedAt" -> current.getClosedAt();
      case "version" -> current.getVersion();
      case "activities" -> activities.get();
      default -> throw new IllegalArgumentException("Not a read-only field: " + field);
    };
    return value == null ? NullNode.getInstance() : json.valueToTree(value);
  }

  private static boolean same(JsonNode sent, JsonNode shown) {
    if (sent == null || sent.isNull() || shown.isNull()) {
      return (sent == null || sent.isNull()) && shown.isNull();
    }
    if (sent.isNumber() && shown.isNumber()) {
      return new BigDecimal(sent.asText()).compareTo(new BigDecimal(shown.asText())) == 0;
    }
    if (sent.isTextual() && shown.isTextual()) {
      return sent.asText().equals(shown.asText()) || sameInstant(sent.asText(), shown.asText());
    }
    if (sent.isArray() && shown.isArray()) {
      if (sent.size() != shown.size()) {
        return false;
      }
      for (int i = 0; i < sent.size(); i++) {
        if (!same(sent.get(i), shown.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (sent.isObject() && shown.isObject()) {
      for (Iterator<String> names = shown.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!same(sent.get(name), shown.get(name))) {
          return false;
        }
      }
      for (Iterator<String> names = sent.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!shown.has(name) && !sent.get(name).isNull()) {
          return false;
        }
      }
      return true;
    }
    return sent.equals(shown);
  }

  private static boolean sameInstant(String a, String b) {
    try {
      return Duration.between(Instant.parse(a), Instant.parse(b)).abs().compareTo(SAME_INSTANT) < 0;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
