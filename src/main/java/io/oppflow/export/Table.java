package io.oppflow.export;

import java.util.List;

/** A flat table to export: a name (the file name), column headings and rows of cells. */
public record Table(String name, List<String> columns, List<List<Object>> rows) {

  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
  }

  /** This table with one more column, last, holding {@code value} in every row (e.g. the process it was read for). */
  public Table withColumn(String column, Object value) {
    List<String> wider = new java.util.ArrayList<>(columns);
    wider.add(column);
    return new Table(name, wider, rows.stream().map(r -> {
      List<Object> row = new java.util.ArrayList<>(r);
      row.add(value);
      return row;
    }).toList());
  }
}
