package io.oppflow.gate.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads a rule set's files: from the {@code rules/} folder when the service runs beside it (sales-ops
 * edit it there), otherwise from the copy packaged in the jar.
 */
public final class RuleFiles {

  private RuleFiles() {}

  public static RuleSetFiles read(Path folder) {
    return new RuleSetFiles(Files.isDirectory(folder) ? fromFolder(folder) : fromClasspath("rules"));
  }

  static Map<String, byte[]> fromFolder(Path folder) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        String relative = folder.relativize(p).toString().replace('\\', '/');
        if (RuleSetFiles.isAcceptedPath(relative)) {
          files.put(relative, Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read rule folder " + folder, e);
    }
    return files;
  }

  static Map<String, byte[]> fromClasspath(String root) {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + root + "/**/*")) {
        String url = r.getURL().toString();
        int at = url.lastIndexOf("/" + root + "/");
        String relative = at < 0 ? "" : url.substring(at + root.length() + 2);
        if (r.isReadable() && RuleSetFiles.isAcceptedPath(relative)) {
          files.put(relative, r.getInputStream().readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read packaged rules", e);
    }
    return files;
  }
}
