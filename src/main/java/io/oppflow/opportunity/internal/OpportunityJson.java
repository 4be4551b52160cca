package io.oppflow.opportunity.internal;

import io.oppflow.opportunity.*;

import io.oppflow.shared.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads the JSON form of an opportunity into facts, naming the field of every error. PATCH bodies are
 * JSON merge patches (RFC 7396) over the facts the opportunity holds.
 */
@Component
public class OpportunityJson {

  private static final Set<String> OPENING_FIELDS = Set.of("code", "process", "owner", "orgUnit");
  private static final Set<String> READ_ONLY = Set.of("code", "process", "processInstanceId", "stage", "status",
      "owner", "orgUnit", "lost", "createdAt", "updatedAt", "closedAt", "version");

  private final ObjectMapper json;

  OpportunityJson(ObjectMapper json) {
    this.json = json.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  public NewOpportunity readNew(JsonNode body) {
    ObjectNode facts = requireObject(body).deepCopy();
    String code = text(facts, "code");
    String process = text(facts, "process");
    String owner = text(facts, "owner");
    String orgUnit = text(facts, "orgUnit");
    facts.remove(OPENING_FIELDS);
    for (String field : READ_ONLY) {
      if (facts.has(field)) {
        throw InvalidRequestException.of(field, "is set by the service and cannot be given");
      }
    }
    return new NewOpportunity(code, process, owner, orgUnit, toFacts(facts));
  }

  /** The facts after applying {@code patch} (a JSON merge patch) to what {@code current} holds. */
  public OpportunityFacts merge(Opportunity current, JsonNode patch) {
    ObjectNode changes = requireObject(patch);
    for (Iterator<String> it = changes.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (READ_ONLY.contains(field)) {
        throw InvalidRequestException.of(field, "is read-only");
      }
    }
    ObjectNode facts = json.valueToTree(OpportunityFacts.of(current));
    mergeInto(facts, changes);
    return toFacts(facts);
  }

  private OpportunityFacts toFacts(ObjectNode facts) {
    try {
      return json.treeToValue(facts, OpportunityFacts.class);
    } catch (UnrecognizedPropertyException e) {
      throw InvalidRequestException.of(path(e), "is not a field of an opportunity");
    } catch (InvalidFormatException e) {
      throw InvalidRequestException.of(path(e), "'" + e.getValue() + "' is not a valid " + typeName(e.getTargetType()));
    } catch (JsonMappingException e) {
      throw InvalidRequestException.of(path(e), "has the wrong type or format");
    } catch (JsonProcessingException e) {
      throw InvalidRequestException.of("$", "is not valid JSON");
    }
  }

  private static void mergeInto(ObjectNode target, ObjectNode patch) {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> change = it.next();
      JsonNode value = change.getValue();
      JsonNode existing = target.get(change.getKey());
      if (value.isNull()) {
        target.remove(change.getKey());
      } else if (value.isObject() && existing != null && existing.isObject()) {
        mergeInto((ObjectNode) existing, (ObjectNode) value);
      } else {
        target.set(change.getKey(), value);
      }
    }
  }

  private static ObjectNode requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw InvalidRequestException.of("$", "must be a JSON object");
    }
    return (ObjectNode) body;
  }

  private static String text(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw InvalidRequestException.of(field, "must be a non-empty string");
    }
    return value.asText().strip();
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "$" : path.toString();
  }

  private static String typeName(Class<?> type) {
    if (type.isEnum()) {
      StringBuilder values = new StringBuilder("value (one of ");
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        values.append(i == 0 ? "" : ", ").append(constants[i]);
      }
      return values.append(')').toString();
    }
    return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
