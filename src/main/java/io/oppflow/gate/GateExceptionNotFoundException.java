package io.oppflow.gate;

/** No gate exception has this id. */
public class GateExceptionNotFoundException extends RuntimeException {

  public GateExceptionNotFoundException(long id) {
    super("No gate exception with id " + id);
  }
}
