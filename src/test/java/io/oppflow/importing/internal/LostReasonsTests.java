package io.oppflow.importing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.opportunity.Loss;
import io.oppflow.opportunity.LossReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LostReasonsTests {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "CUSTOMER_STOPPED    | CUSTOMER_STOPPED | null            | null",
      "customer_stopped    | CUSTOMER_STOPPED | null            | null",
      "客户停止采购           | CUSTOMER_STOPPED | null            | null",
      "COMPETITOR:金蝶      | COMPETITOR       | 金蝶             | null",
      "竞争对手：用友以外某厂商 | COMPETITOR       | 用友以外某厂商     | null",
      "COMPETITOR          | COMPETITOR       | 未知 / unknown   | null",
      "预算被砍              | OTHER            | null            | 预算被砍",
      "OTHER               | OTHER            | null            | 导入时未给出原因 / no reason given in the import",
      "null                | OTHER            | null            | 导入时未给出原因 / no reason given in the import"})
  void shouldMapTheLostReasonColumnToALoss(String text, LossReason reason, String competitor, String note) {
    Loss loss = LostReasons.toLoss(text);
    assertThat(loss.getReason()).isEqualTo(reason);
    assertThat(loss.getCompetitor()).isEqualTo(competitor);
    assertThat(loss.getNote()).isEqualTo(note);
  }
}
