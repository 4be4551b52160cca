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
