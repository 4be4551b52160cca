package io.oppflow.gate;

/** The exception cannot be requested or decided now (no failed gate to except, already decided ...). */
public class GateExceptionStateException extends RuntimeException {

  public GateExceptionStateException(String message) {
    super(message);
  }
}
