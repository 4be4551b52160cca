package io.oppflow.gate.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The files of one rule set: rules ({@code .drl}), decision tables ({@code .drl.csv}, {@code .drl.xlsx})
 * and their self-test tables ({@code .cases.yaml}), by path relative to the rule folder. Its version is
 * the SHA-256 of paths and contents, so the same files always make the same version.
 */
public final class RuleSetFiles {

  private static final Pattern PATH = Pattern.compile("([A-Za-z0-9_-]+/)*[A-Za-z0-9_.-]+");
  static final String[] RULE_SUFFIXES = {".drl", ".drl.csv", ".drl.xlsx"};
  static final String CASES_SUFFIX = RuleSelfTests.SUFFIX;

  private final SortedMap<String, byte[]> files;
  private final String version;

  public RuleSetFiles(Map<String, byte[]> files) {
    this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    this.version = hash(this.files);
  }

  /** Whether a path may name a file of a rule set: relative, no "..", a known suffix. */
  public static boolean isAcceptedPath(String path) {
    return path != null && path.length() <= 300 && PATH.matcher(path).matches() && !path.contains("..")
        && (isRuleFile(path) || path.endsWith(CASES_SUFFIX));
  }

  static boolean isRuleFile(String path) {
    for (String suffix : RULE_SUFFIXES) {
      if (path.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  public String version() {
    return version;
  }

  public SortedMap<String, byte[]> all() {
    return files;
  }

  public SortedMap<String, byte[]> ruleFiles() {
    SortedMap<String, byte[]> rules = new TreeMap<>();
    files.forEach((path, bytes) -> {
      if (isRuleFile(path)) {
        rules.put(path, bytes);
      }
    });
    return rules;
  }

  public SortedMap<String, String> caseFiles() {
    SortedMap<String, String> cases = new TreeMap<>();
    files.forEach((path, bytes) -> {
      if (path.endsWith(CASES_SUFFIX)) {
        cases.put(path, new String(bytes, StandardCharsets.UTF_8));
      }
    });
    return cases;
  }

  private static String hash(SortedMap<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.forEach((path, content) -> {
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(content);
        sha.update((byte) 0);
      });
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
