package io.oppflow.organization;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An org unit path, HQ/branch/team: segments joined by '/'. A unit covers itself and the units below it,
 * segment by segment ("HQ/East" covers "HQ/East/Shanghai-1", not "HQ/Eastern"). The one place that says
 * so, in Java and in SQL, with one escaping of the LIKE wildcards a path may hold.
 */
public record OrgUnit(String path) {

  /** Segments of letters, digits, '-', '_' or CJK, joined by '/'. */
  private static final Pattern PATH = Pattern.compile("[\\p{L}\\p{N}_-]+(/[\\p{L}\\p{N}_-]+)*");
  private static final int MAX_LENGTH = 200;
  /** The escape character of {@link #belowPattern()}. */
  public static final char LIKE_ESCAPE = '\\';

  /** Any path a query names (a filter need not name an existing or well-formed unit: it then matches nothing). */
  public OrgUnit {
    java.util.Objects.requireNonNull(path, "path");
  }

  public static boolean isValid(String path) {
    return path != null && path.length() <= MAX_LENGTH && PATH.matcher(path).matches();
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
