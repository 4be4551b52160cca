package io.oppflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Writes the test JVM's peak resident memory (VmHWM from /proc/self/status) when its tests end, to the file named
 * by {@code -Doppflow.test.peak-rss=<file>} (the {@code low-memory} Maven profile sets it); without the property
 * it does nothing. A report, not a test: it passes or fails nothing. The figure holds the whole test JVM: the
 * service under test plus JUnit, the Spring test context cache and the Selenium client (the browsers are
 * processes of their own and not counted).
 */
public class PeakMemoryReport implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    String target = System.getProperty("oppflow.test.peak-rss");
    Path status = Path.of("/proc/self/status");
    if (target == null || target.isBlank() || !Files.isReadable(status)) {
      return;
    }
    try {
      List<String> memory = Files.readAllLines(status).stream()
          .filter(l -> l.startsWith("VmHWM") || l.startsWith("VmRSS")).toList();
      Runtime rt = Runtime.getRuntime();
      String line = Instant.now() + " " + String.join(" ", memory).replaceAll("\\s+", " ")
          + " heapMax=" + rt.maxMemory() / (1024 * 1024) + "MiB\n";
      Path file = Path.of(target);
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      System.err.print("Test JVM peak memory: " + line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
