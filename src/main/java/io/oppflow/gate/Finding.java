package io.oppflow.gate;

import java.util.Objects;

/**
 * The fact a rule inserts when an opportunity does not meet its criterion. Rules create it with
 * {@link #blocking} or {@link #warning}, giving the criterion's stable code and its message in zh and en.
 */
public final class Finding {

  private final String code;
  private final boolean blocking;
  private final String zh;
  private final String en;

  private Finding(String code, boolean blocking, String zh, String en) {
    this.code = Objects.requireNonNull(code, "code");
    this.blocking = blocking;
    this.zh = Objects.requireNonNull(zh, "zh");
    this.en = Objects.requireNonNull(en, "en");
  }

  public static Finding blocking(String code, String zh, String en) {
    return new Finding(code, true, zh, en);
  }

  public static Finding warning(String code, String zh, String en) {
    return new Finding(code, false, zh, en);
  }

  public String getCode() { return code; }
  public boolean isBlocking() { return blocking; }
  public String getZh() { return zh; }
  public String getEn() { return en; }
}
