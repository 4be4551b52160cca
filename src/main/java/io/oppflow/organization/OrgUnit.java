package io.oppflow.organization;

import io.oppflow.shared.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An org unit path, HQ/branch/team: segments joined by '/', named as people name their teams
 * ({@code HQ/Central/Dustin Brinkmann}, {@code HQ/O'Brien & Co.}, {@code 总部/华东/上海一部}). A unit covers itself
 * and the units below it, segment by segment ("HQ/East" covers "HQ/East/Shanghai-1", not "HQ/Eastern" nor
 * "HQ/East Coast"). The one place that says so, in Java and in SQL, with one escaping of the LIKE wildcards
 * a path may hold.
 */
public record OrgUnit(String path) {

  private static final int MAX_LENGTH = 200;
  /** The general categories of Unicode letters (CJK among them), combining marks and numbers. */
  private static final java.util.Set<Integer> LETTERS_MARKS_DIGITS = java.util.Set.of((int) Character.UPPERCASE_LETTER,
      (int) Character.LOWERCASE_LETTER, (int) Character.TITLECASE_LETTER, (int) Character.MODIFIER_LETTER,
      (int) Character.OTHER_LETTER, (int) Character.NON_SPACING_MARK, (int) Character.COMBINING_SPACING_MARK,
      (int) Character.DECIMAL_DIGIT_NUMBER, (int) Character.LETTER_NUMBER, (int) Character.OTHER_NUMBER);
  /** Besides letters, marks and digits, what a segment may hold: spaces inside it and common punctuation. */
  private static final String PUNCTUATION = " -_.,&'()+#@:!?·（）、—’";
  /** What a refused path is told, in the errors of a 400 naming {@code orgUnit}. */
  public static final String RULE = "须为以 '/' 连接的各级组织名，如 HQ/East Coast/Shanghai-1 或总部/华东/上海一部：每一级不能为空，"
      + "可含文字、数字、空格及 . , - _ & ' ( ) + # @ : ! ?，最多 " + MAX_LENGTH + " 个字符 / "
      + "must be a path of segments joined by '/', such as HQ/East Coast/Shanghai-1 or "
      + "总部/华东/上海一部: no empty segment, letters, digits, spaces and . , - _ & ' ( ) + # @ : ! ? in a segment, "
      + "at most " + MAX_LENGTH + " characters";
  /** The escape character of {@link #belowPattern()}. */
  public static final char LIKE_ESCAPE = '\\';

  /** Any path a query names (a filter need not name an existing or well-formed unit: it then matches nothing). */
  public OrgUnit {
    java.util.Objects.requireNonNull(path, "path");
  }

  /**
   * Whether {@code path} is a well-formed unit as it is stored: at most 200 characters, no empty segment, no
   * space around a segment (see {@link #normalize}), no control character, only the characters of {@link #RULE}.
   */
  public static boolean isValid(String path) {
    if (path == null || path.isEmpty() || path.length() > MAX_LENGTH) {
      return false;
    }
    return Arrays.stream(path.split("/", -1)).allMatch(OrgUnit::isSegment);
  }

  private static boolean isSegment(String segment) {
    return !segment.isEmpty() && segment.strip().equals(segment)
        && segment.codePoints().allMatch(c -> LETTERS_MARKS_DIGITS.contains(Character.getType(c))
            || PUNCTUATION.indexOf(c) >= 0);
  }

  /** The path as it is stored: each segment trimmed ({@code " HQ / East Coast "} is {@code "HQ/East Coast"}); null stays null. */
  public static String normalize(String path) {
    return path == null ? null
        : Arrays.stream(path.split("/", -1)).map(String::strip).collect(Collectors.joining("/"));
  }

  /**
   * The unit a request names, normalized; refused with a 400 naming {@code orgUnit} unless well-formed.
   *
   * @throws InvalidRequestException naming {@code orgUnit} with {@link #RULE}
   */
  public static String checked(String path) {
    String unit = normalize(path);
    if (!isValid(unit)) {
      throw InvalidRequestException.of("orgUnit", RULE);
    }
    return unit;
  }

  /** The unit a filter names, normalized and checked as {@link #checked}; null or blank is no filter (null). */
  public static String checkedFilter(String path) {
    return path == null || path.isBlank() ? null : checked(path);
  }

  /** Whether {@code orgUnit} is this unit or one below it. */
  public boolean covers(String orgUnit) {
    return covers(path, orgUnit);
  }

  /** Whether {@code orgUnit} is {@code unit} itself or a unit below it. */
  public static boolean covers(String unit, String orgUnit) {
    return orgUnit != null && unit != null && (orgUnit.equals(unit) || orgUnit.startsWith(unit + "/"));
  }

  /** The LIKE pattern of the units below this one, its wildcards escaped with {@link #LIKE_ESCAPE}. */
  public String belowPattern() {
    return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
  }

  /** "{@code column} is this unit or below it" with two positional parameters, {@link #sqlArguments()}. */
  public static String sqlCondition(String column) {
    return "(" + column + " = ? or " + column + " like ? escape '\\')";
  }

  /** The same with named parameters {@code :prefix} and {@code :prefixBelow}, {@link #namedArguments}. */
  public static String sqlCondition(String column, String prefix) {
    return "(" + column + " = :" + prefix + " or " + column + " like :" + prefix + "Below escape '\\')";
  }

  public List<Object> sqlArguments() {
    return List.of(path, belowPattern());
  }

  public java.util.Map<String, Object> namedArguments(String prefix) {
    return java.util.Map.of(prefix, path, prefix + "Below", belowPattern());
  }

  @Override
  public String toString() {
    return path;
  }
}
