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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
  /** What a GET shows beside the facts and a PATCH may send back unchanged: the read-only fields and the activities. */
  private static final Set<String> SHOWN_NOT_PATCHED = union(READ_ONLY, Set.of("activities"));

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
        throw InvalidRequestException.of(field, "由系统设定，不能填写 / is set by the service and cannot be given");
      }
    }
    return new NewOpportunity(code, process, owner, orgUnit, toFacts(facts));
  }

  /**
   * The facts after applying {@code patch} (a JSON merge patch) to what {@code current} holds. A patch may send
   * back what a GET showed of the read-only fields ({@code code}, {@code owner}, {@code orgUnit}, {@code process},
   * {@code stage}, {@code version}, {@code activities} ...) as long as each still has its current value, so a
   * client can PATCH the document it read; a read-only field with another value is refused, naming it.
   *
   * @param activities the opportunity's activities as a GET shows them, asked only if the patch sends them back
   */
  public OpportunityFacts merge(Opportunity current, Supplier<List<ActivityView>> activities, JsonNode patch) {
    ObjectNode changes = requireObject(patch).deepCopy();
    ReadOnlyFields shown = new ReadOnlyFields(json, current, activities);
    for (String field : SHOWN_NOT_PATCHED) {
      if (changes.has(field)) {
        if (!shown.isUnchanged(field, changes.get(field))) {
          throw InvalidRequestException.of(field, "为只读字段，不能在此修改 / is read-only: it is "
              + shown.describe(field) + " and cannot be changed here");
        }
        changes.remove(field);
      }
    }
    ObjectNode facts = json.valueToTree(OpportunityFacts.of(current));
    mergeInto(facts, changes);
    return toFacts(facts);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private OpportunityFacts toFacts(ObjectNode facts) {
    try {
      return json.treeToValue(facts, OpportunityFacts.class);
    } catch (UnrecognizedPropertyException e) {
      throw InvalidRequestException.of(path(e), "不是商机的字段 / is not a field of an opportunity");
    } catch (InvalidFormatException e) {
      throw InvalidRequestException.of(path(e), "'" + e.getValue() + "' 无效，须为" + zhTypeName(e.getTargetType())
          + " / '" + e.getValue() + "' is not a valid " + typeName(e.getTargetType()));
    } catch (JsonMappingException e) {
      throw InvalidRequestException.of(path(e), "类型或格式不对 / has the wrong type or format");
    } catch (JsonProcessingException e) {
      throw InvalidRequestException.of("$", "不是有效的 JSON / is not valid JSON");
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
      throw InvalidRequestException.of("$", "须为 JSON 对象 / must be a JSON object");
    }
    return (ObjectNode) body;
  }

  private static String text(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw InvalidRequestException.of(field, "须为非空字符串 / must be a non-empty string");
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

  private static String zhTypeName(Class<?> type) {
    return type.isEnum() ? "以下之一：" + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
        .collect(java.util.stream.Collectors.joining("、")) : " " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
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
