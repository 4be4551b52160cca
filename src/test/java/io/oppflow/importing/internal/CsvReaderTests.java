package io.oppflow.importing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

  private static List<CsvReader.CsvRecord> read(String text) {
    return CsvReader.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldDropTheByteOrderMarkExcelWrites() {
    assertThat(read("\uFEFFcode,name\n").get(0).fields()).containsExactly("code", "name");
  }

  @Test
  void shouldKeepCommasQuotesAndLineBreaksInsideQuotedFields() {
    List<CsvReader.CsvRecord> records = read("a,\"b, \"\"c\"\"\nd\",e\r\nf,g,h");
    assertThat(records.get(0).fields()).containsExactly("a", "b, \"c\"\nd", "e");
    assertThat(records.get(1).fields()).containsExactly("f", "g", "h");
  }

  @Test
  void shouldNumberRecordsByTheLineTheyStartOn() {
    List<CsvReader.CsvRecord> records = read("h\r\n\"x\ny\"\r\n\r\nz\n");
    assertThat(records).extracting(CsvReader.CsvRecord::line).containsExactly(1, 2, 5);
  }

  @Test
  void shouldReadChineseTextAndEmptyFields() {
    assertThat(read("上海某公司,,华东,").get(0).fields()).containsExactly("上海某公司", "", "华东", "");
  }

  @Test
  void shouldKeepAnEmptyQuotedFieldAtTheEnd() {
    assertThat(read("a,\"\"").get(0).fields()).containsExactly("a", "");
  }

  @Test
  void shouldSkipBlankLinesButCountThem() {
    List<CsvReader.CsvRecord> records = read("\n  \nh\r\r\nx\n");
    assertThat(records).extracting(CsvReader.CsvRecord::line).containsExactly(3, 5);
    assertThat(records).extracting(CsvReader.CsvRecord::fields).containsExactly(List.of("h"), List.of("x"));
  }

  @Test
  void shouldReadNothingFromAnEmptyFile() {
    assertThat(read("")).isEmpty();
    assertThat(read("\uFEFF")).isEmpty();
  }

  @Test
  void shouldRefuseAQuotedFieldThatIsNeverClosedNamingTheLineItStartsOn() {
    assertThatThrownBy(() -> read("code,name\nA1,x\n\nA2,\"never closed\nA3,y\n"))
        .isInstanceOf(CsvReader.UnreadableCsvException.class)
        .hasMessageContaining("line 4").hasMessageContaining("double quotes");
  }

  @Test
  void shouldRefuseTextAfterAClosingQuoteNamingTheLine() {
    assertThatThrownBy(() -> read("code,name\n\"A1\"x,y\n"))
        .isInstanceOf(CsvReader.UnreadableCsvException.class).hasMessageContaining("line 2")
        .hasMessageNotContaining("org.apache").hasMessageNotContaining("Exception");
  }
}
