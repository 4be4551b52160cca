package io.oppflow.funnel;

import io.oppflow.shared.InvalidRequestException;

/**
 * Whose a stage entry is when the funnel is filtered or sliced by owner or org unit: the owner and org unit the
 * opportunity had when it entered the stage ({@link #ENTRY}, the default: a rep keeps what they did before a
 * reassignment), or those it has now ({@link #CURRENT}: everything follows the opportunity to its new owner).
 * API {@code ownerAt=entry|current}; see docs/metrics.md "Owner at entry or now".
 */
public enum OwnerAt {
  ENTRY,
  CURRENT;

  /** {@code entry} or {@code current}; null or blank = {@link #ENTRY}; anything else 400 naming ownerAt. */
  public static OwnerAt parse(String value) {
    if (value == null || value.isBlank()) {
      return ENTRY;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "entry" -> ENTRY;
      case "current" -> CURRENT;
      default -> throw InvalidRequestException.of("ownerAt", "must be entry or current");
    };
  }
}
