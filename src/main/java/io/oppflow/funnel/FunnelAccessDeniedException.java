package io.oppflow.funnel;

/** The caller may not read the funnel of that owner or org unit. */
public class FunnelAccessDeniedException extends RuntimeException {

  public FunnelAccessDeniedException(String message) {
    super(message);
  }
}
