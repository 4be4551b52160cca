package io.oppflow.forecast.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An opportunity open at the forecast's instant, in the stage it was in then. */
public record PipelineEntry(String code, String owner, String orgUnit, String stage, BigDecimal amount,
    LocalDate expectedCloseDate) {}
