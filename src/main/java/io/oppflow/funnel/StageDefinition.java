package io.oppflow.funnel;

import io.oppflow.shared.Message;
import java.math.BigDecimal;

/**
 * A stage of a stage process as sales-ops modelled it: code, order, bilingual name, win probability.
 *
 * @param dwellLimit the ISO-8601 duration (e.g. P30D) after which a stalled opportunity is reviewed, as
 *     modelled; null if the stage has none
 */
public record StageDefinition(String code, int order, Message name, BigDecimal winProbability, String dwellLimit) {

  public StageDefinition(String code, int order, Message name, BigDecimal winProbability) {
    this(code, order, name, winProbability, null);
  }
}
