package io.oppflow.importing.internal;

import io.oppflow.opportunity.Loss;
import io.oppflow.opportunity.LossReason;
import java.util.Locale;

/**
 * Maps the free-form {@code lost_reason} of an import file to a {@link Loss}: our reason codes (any
 * case), {@code COMPETITOR:<name>}, common Chinese words, or any other text (kept as the note of OTHER).
 */
public final class LostReasons {

  static final String UNKNOWN_COMPETITOR = "未知 / unknown";
  static final String NOT_GIVEN = "导入时未给出原因 / no reason given in the import";

  private LostReasons() {}

  static Loss toLoss(String text) {
    if (text == null) {
      return Loss.of(LossReason.OTHER, null, NOT_GIVEN);
    }
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.equals("COMPETITOR") || text.equals("竞争对手")) {
      return Loss.of(LossReason.COMPETITOR, UNKNOWN_COMPETITOR, null);
    }
    int colon = Math.max(text.indexOf(':'), text.indexOf('：'));
    if (colon > 0) {
      String head = text.substring(0, colon).strip();
      if (head.equalsIgnoreCase("COMPETITOR") || head.equals("竞争对手")) {
        String name = text.substring(colon + 1).strip();
        return Loss.of(LossReason.COMPETITOR, name.isEmpty() ? UNKNOWN_COMPETITOR : name, null);
      }
    }
    if (upper.equals("CUSTOMER_STOPPED") || text.equals("客户停止采购") || text.equals("客户取消")) {
      return Loss.of(LossReason.CUSTOMER_STOPPED, null, null);
    }
    if (upper.equals("OTHER")) {
      return Loss.of(LossReason.OTHER, null, NOT_GIVEN);
    }
    return Loss.of(LossReason.OTHER, null, text);
  }
}
