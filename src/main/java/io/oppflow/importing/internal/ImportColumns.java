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
 * required ones ({@link #REQUIRED}, a value in every row), the optional ones ({@link #OPTIONAL}) and one
 * {@code entered_<stage>_on} column per stage whose entry dates the source has (any case:
 * {@code entered_CONFIRM_INTENT_on}). A file from another CRM may leave out every optional column it has
 * no data for; an absent column reads as empty in every row.
 */
public final class ImportColumns {

  /** Columns every row needs a value in, so every header names them. */
  static final List<String> REQUIRED = List.of("code", "name", "customer", "org_unit", "owner", "created_on", "status");

  /**
   * Columns a file may leave out: an absent one reads as empty in every row. {@code stage} and {@code closed_on}
   * are needed only by the rows of some statuses (open, closed), so a file of closed deals needs no {@code stage}
   * and one of open deals no {@code closed_on}; a row that needs one the file lacks is rejected, naming it.
   */
  static final List<String> OPTIONAL = List.of("customer_type", "project_type", "region", "amount", "currency",
      "stage", "closed_on", "lost_reason", "expected_close_on", "stage_entered_on", "lost_at_stage");

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
    List<String> missing = REQUIRED.stream().filter(n -> !index.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("表头缺少必需的列 " + String.join(", ", missing) + "（必需："
          + String.join(", ", REQUIRED) + "；可选，可省略：" + String.join(", ", OPTIONAL) + ", entered_<stage>_on） / "
          + "the header row lacks the required columns " + String.join(", ", missing)
          + " (required: " + String.join(", ", REQUIRED) + "; optional, may be left out: " + String.join(", ", OPTIONAL)
          + ", entered_<stage>_on)");
    }
    for (String name : index.keySet()) {
      Matcher entry = STAGE_ENTRY.matcher(name);
      if (entry.matches() && stageCodes.stream().noneMatch(s -> s.equalsIgnoreCase(entry.group(1)))) {
        throw new IllegalArgumentException("列 " + name + " 不对应流程的任何阶段；阶段为 " + String.join(", ", stageCodes)
            + " / column " + name + " names no stage of the process; the stages are " + String.join(", ", stageCodes));
      }
    }
    return new ImportColumns(index, header.size());
  }

  /** The header name of the column holding when {@code stageCode} was entered. */
  static String stageEntry(String stageCode) {
    return "entered_" + stageCode.toLowerCase(Locale.ROOT) + "_on";
  }

  /** Whether the header names the column. */
  boolean has(String column) {
    return index.containsKey(column);
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
