package io.oppflow.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the rule files: from the {@code rules/} folder when the service runs beside it (sales-ops edit
 * it there), otherwise from the copy packaged in the jar.
 */
public final class RuleFiles {

  private static final String[] SUFFIXES = {".drl"};

  private RuleFiles() {}

  public static Map<String, String> read(Path folder) {
    if (Files.isDirectory(folder)) {
      return fromFolder(folder);
    }
    return fromClasspath("rules");
  }

  static Map<String, String> fromFolder(Path folder) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.filter(Files::isRegularFile).filter(RuleFiles::isRuleFile).toList()) {
        String relative = folder.relativize(p).toString().replace('\\', '/');
        files.put(relative, Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read rule folder " + folder, e);
    }
    return files;
  }

  static Map<String, String> fromClasspath(String root) {
    Map<String, String> files = new TreeMap<>();
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + root + "/**/*.drl");
      for (Resource r : resources) {
        String url = r.getURL().toString();
        String relative = url.substring(url.lastIndexOf("/" + root + "/") + root.length() + 2);
        files.put(relative, new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read packaged rules", e);
    }
    return files;
  }

  private static boolean isRuleFile(Path p) {
    String name = p.getFileName().toString();
    for (String s : SUFFIXES) {
      if (name.endsWith(s)) {
        return true;
      }
    }
    return false;
  }
}
