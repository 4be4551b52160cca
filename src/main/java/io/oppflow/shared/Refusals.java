package io.oppflow.shared;

/**
 * The words of refusals several modules give (mostly field messages), once, in the form "中文 / English" every
 * refusal of a field uses (see {@link Message#both()}), so that a user reads the same words whichever door refused.
 */
public final class Refusals {

  /** A period as the APIs name it. */
  public static final String PERIOD = "须为年份（2027）、季度（2027-Q1）或月份（2027-03） / "
      + "must be a year (2027), a quarter (2027-Q1) or a month (2027-03)";

  /** The end of a time range, given before its start. */
  public static final String TO_AFTER_FROM = "须晚于开始时间 from / must be after from";

  /** An opportunity's code as the API accepts it. */
  public static final String CODE = "须为 2 至 64 个字母、数字或 '.'、'_'、'-' / must be 2-64 letters, digits, '.', '_' or '-'";

  /** An amount of money that must be above zero. */
  public static final String POSITIVE_AMOUNT = "须为正数金额 / must be a positive amount";

  private Refusals() {}

  /** A text longer than the field holds. */
  public static String atMost(int characters) {
    return "最多 " + characters + " 个字符 / at most " + characters + " characters";
  }

  /** A number outside the range it must lie in (both ends included). */
  public static String between(int min, int max) {
    return "须在 " + min + " 到 " + max + " 之间 / must be between " + min + " and " + max;
  }

  /** A gate exception decided already, asked to be decided again. */
  public static String exceptionDecided(Object id, Object status) {
    return "例外 " + id + " 已处理（" + status + "） / Exception " + id + " was already " + status;
  }

  /** A stage process that is not deployed, as the opportunity and import APIs name it. */
  public static String noStageProcess(String key) {
    return "没有已部署的阶段流程 '" + key + "' / no stage process with key '" + key + "' is deployed";
  }
}
