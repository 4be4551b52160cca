package io.oppflow.planning;

/** The reverse calculation has nothing to divide by: a stage converted nothing, or nothing was won. */
public class FunnelCalculationException extends RuntimeException {

  public FunnelCalculationException(String message) {
    super(message);
  }
}
