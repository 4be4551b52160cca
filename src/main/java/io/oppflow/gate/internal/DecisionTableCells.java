package io.oppflow.gate.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * Where a line of the DRL Drools generates from a decision table came from: its spreadsheet row and, for a
 * CSV table, the cell. Drools writes {@code // rule values at A12, header at A3} above each rule it makes
 * from row 12; the cell is the one of that row whose text the line holds. So a compiler error or a refused
 * construct in a table names the row and cell sales-ops edit, not a line of a file they never see.
 */
public final class DecisionTableCells {

  private static final Pattern RULE_ROW = Pattern.compile("^// rule values at [A-Z]+(\\d+),", Pattern.MULTILINE);
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** A place in the table: its 1-based row and, when known, the cell's name such as {@code D12}. */
  record Place(int row, String cell) {

    String describe() {
      return cell == null ? "row " + row : "row " + row + ", cell " + cell;
    }

    String describeZh() {
      return "第 " + row + " 行" + (cell == null ? "" : "，单元格 " + cell);
    }
  }

  private final String[] generated;
  private final List<String> csvRows;
  /** Generated line of each rule's comment → the table row of the rule. */
  private final TreeMap<Integer, Integer> rows = new TreeMap<>();

  DecisionTableCells(String generatedDrl, String csvText) {
    this.generated = generatedDrl.split("\n", -1);
    this.csvRows = csvText == null ? List.of() : List.of(csvText.split("\r?\n", -1));
    Matcher m = RULE_ROW.matcher(generatedDrl);
    while (m.find()) {
      int line = generatedDrl.substring(0, m.start()).split("\n", -1).length;
      rows.put(line, Integer.parseInt(m.group(1)));
    }
  }

  /** The table place of generated line {@code line} (1-based), or null when it is not in a rule. */
  Place at(int line) {
    var rule = rows.floorEntry(line);
    if (rule == null || line < 1) {
      return null;
    }
    int row = rule.getValue();
    String text = line <= generated.length ? generated[line - 1].strip() : "";
    return new Place(row, cellHolding(row, text));
  }

  /** The cell of CSV row {@code row} whose text the generated line holds; the longest such cell wins. */
  private String cellHolding(int row, String text) {
    if (row < 1 || row > csvRows.size() || text.isEmpty()) {
      return null;
    }
    List<String> cells;
    try {
      cells = new CsvLineParser().parse(csvRows.get(row - 1));
    } catch (RuntimeException e) {
      return null;
    }
    int best = -1;
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i).strip();
      if (cell.length() > 1 && text.contains(cell) && (best < 0 || cell.length() > cells.get(best).strip().length())) {
        best = i;
      }
    }
    return best < 0 ? null : column(best) + row;
  }

  private static String column(int index) {
    StringBuilder name = new StringBuilder();
    for (int i = index; i >= 0; i = i / 26 - 1) {
      name.insert(0, (char) ('A' + i % 26));
    }
    return name.toString();
  }

  /**
   * The text of a CSV table: UTF-8, with the byte-order mark spreadsheet programs write in front dropped.
   *
   * @throws IllegalArgumentException when the bytes are not UTF-8 (e.g. a CSV saved in a local code page)
   */
  static String csvText(byte[] bytes) {
    int from = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2] ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8", e);
    }
  }
}
