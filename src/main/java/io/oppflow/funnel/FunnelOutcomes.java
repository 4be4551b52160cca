package io.oppflow.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The opportunities behind a won, lost or open total of the funnel ({@link FunnelReport.Group#won()} …), the latest
 * outcome first (closed for won and lost, created for open): as many as the total counts ({@code total}), their
 * summed {@code amount} (for won ones the group's {@code wonAmount}), one page of them shown. Opportunities count
 * under their owner now: {@code ownerAt} is always {@link OwnerAt#OF_OPPORTUNITY}.
 */
public record FunnelOutcomes(String process, OwnerAt ownerAt, String status, String group, long total,
    BigDecimal amount, int page, int size, List<Item> content) {

  /** One opportunity as it is now. */
  public record Item(String code, String name, String customer, String owner, String orgUnit, String stage,
      String status, BigDecimal amount, String currency, LocalDate expectedCloseDate, Instant createdAt,
      Instant closedAt) {}
}
