package io.oppflow.shared;

/** A user-facing text in both languages our users speak. */
public record Message(String zh, String en) {

  /** The form shown where only one text fits: "中文 / English". */
  public String both() {
    return zh + " / " + en;
  }
}
