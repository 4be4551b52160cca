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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one data row into an opportunity to import, or says why it cannot be: the first problem found,
 * in the words of the file's columns. Dates are days in the service's time zone, taken at its midnight.
 */
public final class RowParser {

  private final ImportColumns columns;
  private final String processKey;
  private final Set<String> stages;
  private final ZoneId zone;
  private final LocalDate today;

  RowParser(ImportColumns columns, String processKey, List<StageDefinition> stages, ZoneId zone, LocalDate today) {
    this.columns = columns;
    this.processKey = processKey;
    this.stages = stages.stream().map(StageDefinition::code).collect(Collectors.toSet());
    this.zone = zone;
    this.today = today;
  }

  ImportRow parse(CsvReader.CsvRecord record) {
    try {
      return ImportRow.accepted(record.line(), opportunity(record.fields()));
    } catch (RowRejected e) {
      return ImportRow.rejected(record.line(), e.getMessage());
    } catch (InvalidRequestException e) {
      return ImportRow.rejected(record.line(), e.errors().stream().map(f -> f.field() + ": " + f.message())
          .collect(Collectors.joining("; ")));
    }
  }

  private ImportedOpportunity opportunity(List<String> fields) {
    if (fields.size() != columns.width()) {
      throw new RowRejected("has " + fields.size() + " fields, the header has " + columns.width());
    }
    String code = required(fields, "code");
    OpportunityStatus status = enumValue(OpportunityStatus.class, required(fields, "status"), "status");
    LocalDate createdOn = date(fields, "created_on");
    if (createdOn == null) {
      throw new RowRejected("created_on: required");
    }
    LocalDate closedOn = date(fields, "closed_on");
    if ((status == OpportunityStatus.OPEN) != (closedOn == null)) {
      throw new RowRejected("closed_on: " + (closedOn == null ? "required" : "must be empty") + " for a " + status
          + " opportunity");
    }
    if (closedOn != null && closedOn.isBefore(createdOn)) {
      throw new RowRejected("closed_on: " + closedOn + " is before created_on " + createdOn);
    }
    String stage = value(fields, "stage");
    if (status == OpportunityStatus.OPEN) {
      if (stage == null) {
        throw new RowRejected("stage: required for an open opportunity");
      }
      if (!stages.contains(stage)) {
        throw new RowRejected("stage: '" + stage + "' is not a stage of process " + processKey);
      }
    } else if (stage != null) {
      throw new RowRejected("stage: must be empty for a " + status + " opportunity");
    }
    String lostReason = value(fields, "lost_reason");
    if (status != OpportunityStatus.LOST && lostReason != null) {
      throw new RowRejected("lost_reason: only lost opportunities have one");
    }
    Loss loss = status == OpportunityStatus.LOST ? LostReasons.toLoss(lostReason) : null;
    return new ImportedOpportunity(code, processKey, required(fields, "owner"), required(fields, "org_unit"),
        facts(fields), startOf(createdOn), status, stage, closedOn == null ? null : startOf(closedOn), loss);
  }

  private OpportunityFacts facts(List<String> fields) {
    Customer customer = new Customer();
    customer.setName(value(fields, "customer"));
    String currency = value(fields, "currency");
    return new OpportunityFacts(required(fields, "name"), customer,
        enumValue(CustomerType.class, value(fields, "customer_type"), "customer_type"),
        enumValue(ProjectType.class, value(fields, "project_type"), "project_type"),
        value(fields, "region"), amount(fields), currency == null ? null : currency.toUpperCase(Locale.ROOT),
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private BigDecimal amount(List<String> fields) {
    String amount = value(fields, "amount");
    try {
      return amount == null ? null : new BigDecimal(amount.replace(",", ""));
    } catch (NumberFormatException e) {
      throw new RowRejected("amount: '" + amount + "' is not a number");
    }
  }

  private LocalDate date(List<String> fields, String column) {
    String text = value(fields, column);
    try {
      LocalDate date = text == null ? null : LocalDate.parse(text);
      if (date != null && date.isAfter(today)) {
        throw new RowRejected(column + ": " + text + " is in the future");
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new RowRejected(column + ": '" + text + "' is not an ISO date (yyyy-MM-dd)");
    }
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
      throw new RowRejected(column + ": '" + text + "' is not one of " + accepted);
    }
  }

  private String required(List<String> fields, String column) {
    String v = value(fields, column);
    if (v == null) {
      throw new RowRejected(column + ": required");
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
