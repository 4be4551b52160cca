package io.oppflow.importing.internal;

import io.oppflow.shared.InvalidRequestException;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.opportunity.Customer;
import io.oppflow.opportunity.CustomerType;
import io.oppflow.opportunity.ImportedOpportunity;
import io.oppflow.opportunity.Loss;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.opportunity.OpportunityStatus;
import io.oppflow.opportunity.ProjectType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import io.oppflow.funnel.StageIntervals.ImportedInterval;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one data row into an opportunity to import, or says why it cannot be: the first problem found,
 * in the words of the file's columns. Dates are days in the service's time zone, taken at its midnight.
 */
public final class RowParser {

  private static final String REQUIRED = "必填 / required";

  private final ImportColumns columns;
  private final String processKey;
  private final List<StageDefinition> stages;
  private final Map<String, Integer> stageIndex = new HashMap<>();
  private final ZoneId zone;
  private final LocalDate today;

  RowParser(ImportColumns columns, String processKey, List<StageDefinition> stages, ZoneId zone, LocalDate today) {
    this.columns = columns;
    this.processKey = processKey;
    this.stages = stages.stream().sorted(java.util.Comparator.comparingInt(StageDefinition::order)).toList();
    for (int i = 0; i < this.stages.size(); i++) {
      stageIndex.put(this.stages.get(i).code(), i);
    }
    this.zone = zone;
    this.today = today;
  }

  ImportRow parse(CsvReader.CsvRecord record) {
    try {
      return row(record.line(), record.fields());
    } catch (RowRejected e) {
      return ImportRow.rejected(record.line(), e.getMessage());
    } catch (InvalidRequestException e) {
      return ImportRow.rejected(record.line(), e.errors().stream().map(f -> f.field() + ": " + f.message())
          .collect(Collectors.joining("; ")));
    }
  }

  private ImportRow row(int line, List<String> fields) {
    if (fields.size() != columns.width()) {
      throw new RowRejected("有 " + fields.size() + " 个字段，表头有 " + columns.width() + " 个 / has " + fields.size()
          + " fields, the header has " + columns.width());
    }
    String code = required(fields, "code");
    OpportunityStatus status = enumValue(OpportunityStatus.class, required(fields, "status"), "status");
    LocalDate createdOn = date(fields, "created_on");
    if (createdOn == null) {
      throw new RowRejected("created_on: " + REQUIRED);
    }
    LocalDate closedOn = date(fields, "closed_on");
    if ((status == OpportunityStatus.OPEN) != (closedOn == null)) {
      throw new RowRejected("closed_on: " + status + " 状态的商机" + (closedOn == null ? "须填写" : "须留空")
          + absentZh("closed_on") + " / " + (closedOn == null ? "required" : "must be empty") + " for a " + status
          + " opportunity" + absent("closed_on"));
    }
    if (closedOn != null && closedOn.isBefore(createdOn)) {
      throw new RowRejected("closed_on: " + closedOn + " 早于 created_on " + createdOn + " / " + closedOn
          + " is before created_on " + createdOn);
    }
    String stage = value(fields, "stage");
    if (status == OpportunityStatus.OPEN) {
      if (stage == null) {
        throw new RowRejected("stage: 未结商机须填写" + absentZh("stage") + " / required for an open opportunity"
            + absent("stage"));
      }
      stage(stage, "stage");
    } else if (stage != null) {
      throw new RowRejected("stage: " + status + " 状态的商机须留空 / must be empty for a " + status + " opportunity");
    }
    String lostReason = value(fields, "lost_reason");
    if (status != OpportunityStatus.LOST && lostReason != null) {
      throw new RowRejected("lost_reason: 只有丢单的商机才有丢单原因 / only lost opportunities have one");
    }
    String lostAt = value(fields, "lost_at_stage");
    if (status != OpportunityStatus.LOST && lostAt != null) {
      throw new RowRejected("lost_at_stage: 只有丢单的商机才有丢单阶段 / only lost opportunities have one");
    }
    int last = switch (status) {
      case OPEN -> stage(stage, "stage");
      case WON -> stages.size() - 1;
      case LOST -> lostAt == null ? 0 : stage(lostAt, "lost_at_stage");
    };
    Map<Integer, Instant> entries = stageEntries(fields, status, last, createdOn, closedOn);
    List<ImportedInterval> history = ImportedHistory.of(stages, status, last, entries, startOf(createdOn),
        closedOn == null ? null : startOf(closedOn), lostAt != null);
    Instant stageEnteredAt = status == OpportunityStatus.OPEN ? history.get(history.size() - 1).enteredAt() : null;
    Loss loss = status == OpportunityStatus.LOST ? LostReasons.toLoss(lostReason) : null;
    return ImportRow.accepted(line, new ImportedOpportunity(code, processKey, required(fields, "owner"),
        required(fields, "org_unit"), facts(fields), startOf(createdOn), status, stage, stageEnteredAt,
        closedOn == null ? null : startOf(closedOn), loss, lostAt == null ? null : stages.get(last).code()), history);
  }

  /** A hint for a value required by the row's status in an optional column the file left out. */
  private String absent(String column) {
    return columns.has(column) ? "" : " (the file has no " + column + " column)";
  }

  private String absentZh(String column) {
    return columns.has(column) ? "" : "（文件中没有 " + column + " 列）";
  }

  /** The index of the stage the column names. */
  private int stage(String code, String column) {
    Integer i = stageIndex.get(code);
    if (i == null) {
      throw new RowRejected(column + ": '" + code + "' 不是流程 " + processKey + " 的阶段 / '" + code
          + "' is not a stage of process " + processKey);
    }
    return i;
  }

  /**
   * The stage entry dates the row gives, by stage index: {@code entered_<stage>_on}, and {@code stage_entered_on}
   * for the stage it is in or ended in. Each lies between created_on and closed_on, on a stage the opportunity
   * reached, no earlier than the one given for a stage before it.
   */
  private Map<Integer, Instant> stageEntries(List<String> fields, OpportunityStatus status, int last,
      LocalDate createdOn, LocalDate closedOn) {
    Map<Integer, LocalDate> given = new java.util.TreeMap<>();
    for (int i = 0; i < stages.size(); i++) {
      String column = ImportColumns.stageEntry(stages.get(i).code());
      LocalDate day = date(fields, column);
      if (day != null && i > last) {
        throw new RowRejected(column + ": 该商机从未到达 " + stages.get(i).code() + "（" + reachedZh(status, last)
            + "） / the opportunity never reached " + stages.get(i).code() + " (" + reached(status, last) + ")");
      }
      if (day != null) {
        given.put(i, day);
      }
    }
    LocalDate current = date(fields, "stage_entered_on");
    if (current != null && given.containsKey(last) && !given.get(last).equals(current)) {
      String column = ImportColumns.stageEntry(stages.get(last).code());
      throw new RowRejected("stage_entered_on: " + current + " 与 " + column + " " + given.get(last) + " 不一致 / "
          + current + " differs from " + column + " " + given.get(last));
    }
    if (current != null) {
      given.put(last, current);
    }
    Map<Integer, Instant> entries = new HashMap<>();
    LocalDate previous = createdOn;
    String previousColumn = "created_on";
    for (Map.Entry<Integer, LocalDate> e : given.entrySet()) {
      String column = ImportColumns.stageEntry(stages.get(e.getKey()).code());
      if (e.getValue().isBefore(previous)) {
        throw new RowRejected(column + ": " + e.getValue() + " 早于 " + previousColumn + " " + previous
            + "（各阶段须按顺序进入，且不早于商机创建） / " + e.getValue() + " is before " + previousColumn + " " + previous
            + " (stages are entered in their order, not before the opportunity was created)");
      }
      if (closedOn != null && e.getValue().isAfter(closedOn)) {
        throw new RowRejected(column + ": " + e.getValue() + " 晚于 closed_on " + closedOn + " / " + e.getValue()
            + " is after closed_on " + closedOn);
      }
      entries.put(e.getKey(), startOf(e.getValue()));
      previous = e.getValue();
      previousColumn = column;
    }
    return entries;
  }

  private String reachedZh(OpportunityStatus status, int last) {
    return switch (status) {
      case OPEN -> "它未结，处于 " + stages.get(last).code();
      case LOST -> "它在 " + stages.get(last).code() + " 丢单" + (last == 0 ? "；若它走得更远，请填写 lost_at_stage" : "");
      case WON -> "";
    };
  }

  private String reached(OpportunityStatus status, int last) {
    return switch (status) {
      case OPEN -> "it is open in " + stages.get(last).code();
      case LOST -> "it was lost at " + stages.get(last).code() + (last == 0 ? "; give lost_at_stage if it got further" : "");
      case WON -> "";
    };
  }

  private OpportunityFacts facts(List<String> fields) {
    Customer customer = new Customer();
    customer.setName(value(fields, "customer"));
    String currency = value(fields, "currency");
    return new OpportunityFacts(required(fields, "name"), customer,
        enumValue(CustomerType.class, value(fields, "customer_type"), "customer_type"),
        enumValue(ProjectType.class, value(fields, "project_type"), "project_type"),
        value(fields, "region"), amount(fields), currency == null ? null : currency.toUpperCase(Locale.ROOT),
        expectedClose(fields), null, null, null, null, null, null, null, null, null, null, null);
  }

  private BigDecimal amount(List<String> fields) {
    String amount = value(fields, "amount");
    try {
      return amount == null ? null : new BigDecimal(amount.replace(",", ""));
    } catch (NumberFormatException e) {
      throw new RowRejected("amount: '" + amount + "' 不是数字 / '" + amount + "' is not a number");
    }
  }

  /** When the opportunity is expected to close: any day, the future included. */
  private LocalDate expectedClose(List<String> fields) {
    String text = value(fields, "expected_close_on");
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new RowRejected("expected_close_on: " + notADate(text));
    }
  }

  private LocalDate date(List<String> fields, String column) {
    String text = value(fields, column);
    try {
      LocalDate date = text == null ? null : LocalDate.parse(text);
      if (date != null && date.isAfter(today)) {
        throw new RowRejected(column + ": " + text + " 是将来的日期 / " + text + " is in the future");
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new RowRejected(column + ": " + notADate(text));
    }
  }

  private static String notADate(String text) {
    return "'" + text + "' 不是 ISO 日期（yyyy-MM-dd） / '" + text + "' is not an ISO date (yyyy-MM-dd)";
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, String text, String column) {
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String accepted = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("|"));
      throw new RowRejected(column + ": '" + text + "' 不是 " + accepted + " 之一 / '" + text + "' is not one of "
          + accepted);
    }
  }

  private String required(List<String> fields, String column) {
    String v = value(fields, column);
    if (v == null) {
      throw new RowRejected(column + ": " + REQUIRED);
    }
    return v;
  }

  private String value(List<String> fields, String column) {
    return columns.value(fields, column);
  }

  /** A row that cannot be imported, for the reason in the message. */
  private static final class RowRejected extends RuntimeException {
    RowRejected(String reason) {
      super(reason, null, false, false);
    }
  }
}
