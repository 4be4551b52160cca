package io.oppflow.export;

import java.util.List;

/** A flat table to export: a name (the file name), column headings and rows of cells. */
public record Table(String name, List<String> columns, List<List<Object>> rows) {

  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
  }
}
