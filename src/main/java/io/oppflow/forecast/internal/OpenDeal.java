package io.oppflow.forecast.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An opportunity open at an instant, in the stage it was in then and since when. {@code wonAt} and {@code wonAmount}
 * are what became of it (null unless it was won); only the learning reads them, and only for instants whose
 * outcome window has ended before the forecast's own instant.
 */
record OpenDeal(String code, String owner, String orgUnit, String stage, BigDecimal amount, OffsetDateTime stageEnteredAt,
    OffsetDateTime wonAt) {}
