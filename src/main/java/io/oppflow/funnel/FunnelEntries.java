package io.oppflow.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The stage entries behind one figure of the funnel ({@link FunnelFigure}), newest first: as many as the figure
 * counts ({@code total}), one page of them shown; {@code ownerAt} whose owner and org unit they are listed and
 * filtered under.
 */
public record FunnelEntries(String process, OwnerAt ownerAt, String stage, String figure, String group, long total,
    int page, int size, List<Entry> content) {

  /** One stage entry with its opportunity as it is now. */
  public record Entry(String code, String name, String customer, String owner, String orgUnit, String stage,
      Instant enteredAt, Instant leftAt, String outcome, String status, String currentStage, BigDecimal amount,
      String currency) {}
}
