package io.oppflow.gate.internal;

import io.oppflow.shared.NotFoundException;

/** No gate exception has this id. */
public class GateExceptionNotFoundException extends NotFoundException {

  public GateExceptionNotFoundException(long id) {
    super("Gate exception not found", "没有编号为 " + id + " 的关卡例外 / No gate exception with id " + id);
  }
}
