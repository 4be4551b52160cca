package io.oppflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A text "中文 / English" is read back into its halves as the pages split it; any other text stays whole. */
class MessageTests {

  @Test
  void shouldSplitABilingualTextAtTheFirstSeparatorAfterTheChinese() {
    assertThat(Message.parse("须为 0 或更大 / must be 0 or more")).isEqualTo(new Message("须为 0 或更大", "must be 0 or more"));
    assertThat(Message.parse(Refusals.atMost(200))).isEqualTo(new Message("最多 200 个字符", "at most 200 characters"));
    assertThat(Message.parse(new Message("商机", "Opportunity").both()).inBothLanguages()).isTrue();
  }

  @Test
  void shouldNotSplitAtASeparatorInsideAValueQuotedBeforeTheChinese() {
    assertThat(Message.parse("'2027 / Q1' 不是期间 / '2027 / Q1' is not a period"))
        .isEqualTo(new Message("'2027 / Q1' 不是期间", "'2027 / Q1' is not a period"));
    assertThat(Message.parse("没有用户 '王强' / no user '王强'")).isEqualTo(new Message("没有用户 '王强'", "no user '王强'"));
  }

  @Test
  void shouldNameTheFieldADetailNamesBeforeTheChineseInTheEnglishHalfToo() {
    assertThat(Message.parse("code: " + Refusals.CODE))
        .isEqualTo(new Message("code: 须为 2 至 64 个字母、数字或 '.'、'_'、'-'", "code: must be 2-64 letters, digits, '.', '_' or '-'"));
    assertThat(Message.parse("stages[0].targetConversion: 须在 0 到 1 之间 / must be between 0 and 1").en())
        .isEqualTo("stages[0].targetConversion: must be between 0 and 1");
    assertThat(Message.parse("base: 'colour' 不是商机的字段 / base: 'colour' is not a field of an opportunity").en())
        .as("named in both halves already").isEqualTo("base: 'colour' is not a field of an opportunity");
  }

  @Test
  void shouldLeaveATextWithoutAChineseHalfWhole() {
    assertThat(Message.parse("must be HQ/East / or so")).isEqualTo(new Message("must be HQ/East / or so", "must be HQ/East / or so"));
    assertThat(Message.parse("must be positive").inBothLanguages()).isFalse();
    assertThat(Message.parse(null)).isEqualTo(new Message("", ""));
  }

  @Test
  void shouldBeStoredAsJsonWithItsTwoTextsOnly() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String stored = json.writeValueAsString(new Message("须为 0 或更大", "must be 0 or more"));

    assertThat(stored).isEqualTo("{\"zh\":\"须为 0 或更大\",\"en\":\"must be 0 or more\"}");
    assertThat(json.readValue(stored, Message.class)).isEqualTo(new Message("须为 0 或更大", "must be 0 or more"));
  }
}
