package io.oppflow.shared;

/** A user-facing text in both languages our users speak. */
public record Message(String zh, String en) {

  private static final String SEPARATOR = " / ";

  /** The form shown where only one text fits: "中文 / English". */
  public String both() {
    return zh + SEPARATOR + en;
  }

  /**
   * A text in the form {@link #both()} makes, read back into its halves: split at the first " / " when the
   * part before it is Chinese (as the pages split it); any other text is the same in both languages.
   */
  public static Message parse(String text) {
    String t = text == null ? "" : text;
    int at = t.indexOf(SEPARATOR);
    if (at > 0 && t.substring(0, at).codePoints().anyMatch(Message::isHan)) {
      return new Message(t.substring(0, at), t.substring(at + SEPARATOR.length()));
    }
    return new Message(t, t);
  }

  /**
   * Whether the text has a Chinese half and an English half, as {@link #both()} writes them. Not named as a bean
   * getter: messages are stored as JSON {@code {zh, en}} (gate records) and read back.
   */
  public boolean inBothLanguages() {
    return !zh.equals(en);
  }

  private static boolean isHan(int c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
