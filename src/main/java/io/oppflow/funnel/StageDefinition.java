package io.oppflow.funnel;

import io.oppflow.shared.Message;
import java.math.BigDecimal;

/** A stage of a stage process as sales-ops modelled it: code, order, bilingual name, win probability. */
public record StageDefinition(String code, int order, Message name, BigDecimal winProbability) {}
