package io.oppflow.gate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.gate.internal.CaseTable.InvalidCaseException;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.ActivityType;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the facts and activities of a {@link CaseTable} (the API's JSON form, written in YAML) into the
 * objects the rules see, naming the field of every mistake.
 */
public final class CaseFacts {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .findAndAddModules()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /**
   * One activity row; a missing date is the evaluation date, a missing stage the stage of the gate, a missing
   * opportunity the case's own (another code shows that an activity of another opportunity does not count).
   */
  record ActivityRow(ActivityType type, LocalDate date, String contact, Boolean decisionMaker, String note, String stage,
      String opportunity) {}

  private CaseFacts() {}

  static JsonNode tree(Object yaml) {
    return JSON.valueToTree(yaml);
  }

  /** {@code patch} applied to {@code target} as a JSON merge patch (RFC 7396): null removes, maps merge. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> change : patch.properties()) {
      if (change.getValue().isNull()) {
        result.remove(change.getKey());
      } else {
        result.set(change.getKey(), merge(result.get(change.getKey()), change.getValue()));
      }
    }
    return result;
  }

  /** An unsaved opportunity of {@code facts}; its code, owner and org unit may be given among them. */
  static Opportunity opportunity(JsonNode facts, String process, String stage, Instant now) {
    ObjectNode node = ((ObjectNode) facts).deepCopy();
    String givenProcess = identity(node, "process", process);
    if (!givenProcess.equals(process)) {
      throw new InvalidCaseException("'process' 为 " + givenProcess + "，而此文件测试的是 " + process,
          "'process' is " + givenProcess + " but this file tests " + process);
    }
    String code = identity(node, "code", "SELF-TEST");
    String owner = identity(node, "owner", "self-test");
    String orgUnit = identity(node, "orgUnit", "self-test");
    OpportunityFacts read = read(node, OpportunityFacts.class, "", "商机", "an opportunity");
    return Opportunity.draft(code, process, owner, orgUnit, stage, read, now);
  }

  static List<Activity> activities(JsonNode rows, String code, String stage, LocalDate today, Instant now) {
    if (!rows.isArray()) {
      throw new InvalidCaseException("activities 须为列表，如 [ { type: MEETING, contact: 王强 } ]",
          "activities must be a list, e.g. [ { type: MEETING, contact: 王强 } ]");
    }
    List<Activity> activities = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String at = "activities[" + i + "]";
      ActivityRow row = read(rows.get(i), ActivityRow.class, at,
          "活动（type、date、contact、decisionMaker、note、stage、opportunity）",
          "an activity (type, date, contact, decisionMaker, note, stage, opportunity)");
      if (row.type() == null) {
        String types = Arrays.toString(ActivityType.values());
        throw new InvalidCaseException("缺少 '" + at + ".type'：须为 " + types + " 之一",
            "'" + at + ".type' is missing: one of " + types);
      }
      String loggedFor = row.opportunity() == null || row.opportunity().isBlank() ? code : row.opportunity().strip();
      activities.add(new Activity(loggedFor, row.type(), row.date() == null ? today : row.date(), row.contact(),
          row.note(), Boolean.TRUE.equals(row.decisionMaker()), row.stage() == null ? stage : row.stage(), "self-test",
          now));
    }
    return activities;
  }

  private static String identity(ObjectNode facts, String field, String otherwise) {
    JsonNode value = facts.remove(field);
    return value == null || value.isNull() || value.asText().isBlank() ? otherwise : value.asText().strip();
  }

  private static <T> T read(JsonNode node, Class<T> type, String at, String whatZh, String what) {
    try {
      return JSON.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      String field = field(at, e);
      throw new InvalidCaseException("'" + field + "' 不是" + whatZh + "的字段", "'" + field + "' is not a field of " + what);
    } catch (InvalidFormatException e) {
      String given = "'" + field(at, e) + "': '" + e.getValue() + "'";
      Message expected = typeName(e.getTargetType());
      throw new InvalidCaseException(given + " 不是" + expected.zh(), given + " is not " + expected.en());
    } catch (JsonMappingException e) {
      String field = field(at, e);
      throw new InvalidCaseException("'" + field + "' 的类型或格式不对", "'" + field + "' has the wrong type or format");
    } catch (JsonProcessingException e) {
      // Jackson says what it could not read in English only; that part stays the same in both halves
      String where = "'" + (at.isEmpty() ? "$" : at) + "'";
      throw new InvalidCaseException(where + " 无法读取：" + e.getOriginalMessage(), where + " cannot be read: " + e.getOriginalMessage());
    }
  }

  private static String field(String at, JsonMappingException e) {
    StringBuilder path = new StringBuilder(at);
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "$" : path.toString();
  }

  /** What a value of {@code type} looks like, to end "'x' is not …". */
  private static Message typeName(Class<?> type) {
    if (type.isEnum()) {
      String values = Arrays.toString(type.getEnumConstants());
      return new Message(" " + values + " 之一", "one of " + values);
    }
    if (type == LocalDate.class) {
      return new Message("形如 2026-11-27 的日期", "a date like 2026-11-27");
    }
    if (type == Boolean.class || type == boolean.class) {
      return new Message(" true 或 false", "true or false");
    }
    if (type == Integer.class || type == int.class || type == Long.class) {
      return new Message("整数", "a whole number");
    }
    return type == BigDecimal.class ? new Message("数字", "a number")
        : new Message("有效的 " + type.getSimpleName(), "a valid " + type.getSimpleName());
  }
}
