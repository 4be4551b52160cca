package io.oppflow.importing.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of an import file, found by their header names (so their order does not matter): the
 * required ones, the optional history columns ({@link #OPTIONAL}) and one {@code entered_<stage>_on}
 * column per stage whose entry dates the source has (any case: {@code entered_CONFIRM_INTENT_on}).
 */
public final class ImportColumns {

  static final List<String> NAMES = List.of("code", "name", "customer", "customer_type", "project_type", "region",
      "org_unit", "owner", "amount", "currency", "created_on", "stage", "status", "closed_on", "lost_reason");

  /** Columns a file may leave out: an absent one reads as empty in every row. */
  static final List<String> OPTIONAL = List.of("expected_close_on", "stage_entered_on", "lost_at_stage");

  private static final Pattern STAGE_ENTRY = Pattern.compile("entered_(.+)_on");

  private final Map<String, Integer> index;
  private final int width;

  private ImportColumns(Map<String, Integer> index, int width) {
    this.index = index;
    this.width = width;
  }

  /**
   * @param stageCodes the stages of the process imported into, which {@code entered_<stage>_on} must name
   * @throws IllegalArgumentException naming the missing columns or a stage-entry column of no stage
   */
  static ImportColumns of(List<String> header, Collection<String> stageCodes) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    List<String> missing = NAMES.stream().filter(n -> !index.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the header row lacks the columns " + String.join(", ", missing));
    }
    for (String name : index.keySet()) {
      Matcher entry = STAGE_ENTRY.matcher(name);
      if (entry.matches() && stageCodes.stream().noneMatch(s -> s.equalsIgnoreCase(entry.group(1)))) {
        throw new IllegalArgumentException("column " + name + " names no stage of the process; the stages are "
            + String.join(", ", stageCodes));
      }
    }
    return new ImportColumns(index, header.size());
  }

  /** The header name of the column holding when {@code stageCode} was entered. */
  static String stageEntry(String stageCode) {
    return "entered_" + stageCode.toLowerCase(Locale.ROOT) + "_on";
  }

  int width() {
    return width;
  }

  /** The stripped value of the column in this record; null if empty or if the file has no such column. */
  String value(List<String> fields, String column) {
    Integer i = index.get(column);
    if (i == null) {
      return null;
    }
    String v = fields.get(i).strip();
    return v.isEmpty() ? null : v;
  }
}
