package io.oppflow.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user-facing text in both languages our users speak. */
public record Message(String zh, String en) {

  private static final String SEPARATOR = " / ";
  /** A field path and ": " before the Chinese half, e.g. {@code customer.headcount: } or {@code stages[0].rate: }. */
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_$][\\w$.\\[\\]-]*: ");

  /** The form shown where only one text fits: "中文 / English". */
  public String both() {
    return zh + SEPARATOR + en;
  }

  /**
   * A text in the form {@link #both()} makes, read back into its halves as the pages split it (i18n.js
   * {@code halves}): at the first " / " after the first Chinese character, so that a value quoted before the
   * Chinese ("'2027 / Q1' 不是期间 / …") does not split it; a field named before the Chinese ("code: 须为… / must
   * be…", as a problem's detail names its first field) is named in the English half too. Any other text is the same
   * in both languages.
   */
  public static Message parse(String text) {
    String t = text == null ? "" : text;
    int han = firstHan(t);
    int at = han < 0 ? -1 : t.indexOf(SEPARATOR, han);
    if (at < 0) {
      return new Message(t, t);
    }
    String zh = t.substring(0, at);
    String en = t.substring(at + SEPARATOR.length());
    Matcher field = FIELD.matcher(zh);
    return new Message(zh, field.lookingAt() && !en.startsWith(field.group()) ? field.group() + en : en);
  }

  /**
   * Whether the text has a Chinese half and an English half, as {@link #both()} writes them. Not named as a bean
   * getter: messages are stored as JSON {@code {zh, en}} (gate records) and read back.
   */
  public boolean inBothLanguages() {
    return !zh.equals(en);
  }

  private static int firstHan(String t) {
    for (int i = 0; i < t.length(); i = t.offsetByCodePoints(i, 1)) {
      if (isHan(t.codePointAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isHan(int c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
