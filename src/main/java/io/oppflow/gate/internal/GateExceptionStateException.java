package io.oppflow.gate.internal;

import io.oppflow.shared.ConflictException;

/** The exception cannot be requested or decided now (no failed gate to except, already decided ...). */
public class GateExceptionStateException extends ConflictException {

  public GateExceptionStateException(String message) {
    super(message);
  }
}
