package io.oppflow.importing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The columns of an import file, found by their header names (so their order does not matter). */
public final class ImportColumns {

  static final List<String> NAMES = List.of("code", "name", "customer", "customer_type", "project_type", "region",
      "org_unit", "owner", "amount", "currency", "created_on", "stage", "status", "closed_on", "lost_reason");

  private final Map<String, Integer> index;
  private final int width;

  private ImportColumns(Map<String, Integer> index, int width) {
    this.index = index;
    this.width = width;
  }

  /**
   * @throws IllegalArgumentException naming the missing columns
   */
  static ImportColumns of(List<String> header) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    List<String> missing = NAMES.stream().filter(n -> !index.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the header row lacks the columns " + String.join(", ", missing));
    }
    return new ImportColumns(index, header.size());
  }

  int width() {
    return width;
  }

  /** The stripped value of the column in this record; null if empty. */
  String value(List<String> fields, String column) {
    String v = fields.get(index.get(column)).strip();
    return v.isEmpty() ? null : v;
  }
}
