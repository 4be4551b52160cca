package io.oppflow.gate.internal;

import io.oppflow.shared.Message;
/**
 * Why {@link RuleSetChecker} refuses a piece of a rule: the construct (a stable short name such as
 * {@code eval} or {@code static-call}) and what it is, in both languages.
 */
public final class RuleRefusal extends RuntimeException {

  private final String construct;
  private final Message message;

  RuleRefusal(String construct, String zh, String en) {
    super(construct + ": " + en, null, false, false);
    this.construct = construct;
    this.message = new Message(zh, en);
  }

  String construct() {
    return construct;
  }

  Message message() {
    return message;
  }
}
