package io.oppflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the service and of PostgreSQL, in nanoseconds. The load driver runs in the service's JVM, so the
 * service's CPU is the process's minus that of the driver's threads (named {@code bench-} and the HTTP clients'
 * {@code HttpClient-}; they live for the whole run, so their deltas are whole). PostgreSQL's is the user and system
 * time of the postmaster and its children from {@code /proc} (Linux; 0 elsewhere), the pool's backends living for
 * the whole run as well.
 */
final class CpuClock {

  private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final long postmaster;

  CpuClock(Path dataDirectory) {
    this.postmaster = postmasterPid(dataDirectory);
  }

  long service() {
    long driver = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && (info.getThreadName().startsWith("bench-") || info.getThreadName().startsWith("HttpClient-"))) {
        driver += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return os.getProcessCpuTime() - driver;
  }

  long database() {
    if (postmaster <= 0) {
      return 0;
    }
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("\\d+")).mapToLong(this::ticksIfPostgres).sum() * TICK_NANOS;
    } catch (IOException e) {
      return 0;
    }
  }

  private long ticksIfPostgres(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      // pid (comm) state ppid ... utime(14) stime(15): fields after the command name, which may hold spaces
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long pid = Long.parseLong(proc.getFileName().toString());
      long ppid = Long.parseLong(f[1]);
      return pid == postmaster || ppid == postmaster ? Long.parseLong(f[11]) + Long.parseLong(f[12]) : 0;
    } catch (IOException | RuntimeException e) {
      return 0; // gone meanwhile
    }
  }

  private static long postmasterPid(Path dataDirectory) {
    try {
      return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
