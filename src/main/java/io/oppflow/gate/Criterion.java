package io.oppflow.gate;

import io.oppflow.shared.Message;
/** One criterion of a gate that an opportunity did not meet: blocking ones stop the advance, the rest warn. */
public record Criterion(String code, Message message, boolean blocking) {

  static Criterion of(Finding finding) {
    return new Criterion(finding.getCode(), new Message(finding.getZh(), finding.getEn()), finding.isBlocking());
  }
}
