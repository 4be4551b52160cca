package io.oppflow.bench;

import io.oppflow.OppflowApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Where the service's start-up goes: starts {@link OppflowApplication} with Spring's
 * {@link BufferingApplicationStartup}, prints the start-up phases, the slowest bean creations (their own time,
 * without the beans they pulled in, and with them) and stops. Run by hand (docs/benchmarks.md "Benchmarks:
 * start-up and memory"); program arguments go to the application, e.g.
 * {@code --server.port=8751 --spring.datasource.url=jdbc:h2:file:/tmp/startup-h2/oppflow;DB_CLOSE_ON_EXIT=FALSE}.
 */
public final class StartupSteps {

  private StartupSteps() {}

  private record Step(long id, Long parent, String name, String bean, long startNanos, long nanos) {}

  public static void main(String[] args) {
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    SpringApplication app = new SpringApplication(OppflowApplication.class);
    BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
    app.setApplicationStartup(startup);
    long t0 = System.nanoTime();
    ConfigurableApplicationContext context = app.run(args);
    long ready = System.nanoTime();
    StartupTimeline timeline = startup.getBufferedTimeline();
    List<Step> steps = new ArrayList<>();
    for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
      StartupStep step = event.getStartupStep();
      String bean = null;
      for (StartupStep.Tag tag : step.getTags()) {
        if (tag.getKey().equals("beanName")) {
          bean = tag.getValue();
        }
      }
      steps.add(new Step(step.getId(), step.getParentId(), step.getName(), bean,
          event.getStartTime().toEpochMilli(), event.getDuration().toNanos()));
    }
    Map<Long, Long> childNanos = new TreeMap<>();
    for (Step s : steps) {
      if (s.parent() != null) {
        childNanos.merge(s.parent(), s.nanos(), Long::sum);
      }
    }
    long startMillis = timeline.getStartTime().toEpochMilli();
    System.out.printf("%n== JVM start to SpringApplication.run: %d ms; run() returned after %d ms%n",
        startMillis - jvmStart, Duration.ofNanos(ready - t0).toMillis());
    System.out.println("== Phases (offset from run(), duration)");
    steps.stream().filter(s -> !s.name().equals("spring.beans.instantiate") && s.nanos() > 50_000_000L)
        .forEach(s -> System.out.printf("  +%6d ms %7d ms  %s%n", s.startNanos() - startMillis, s.nanos() / 1_000_000,
            s.name()));
    System.out.println("== Slowest beans, own time (without beans created inside), then total");
    steps.stream().filter(s -> s.bean() != null)
        .sorted(Comparator.comparingLong((Step s) -> s.nanos() - childNanos.getOrDefault(s.id(), 0L)).reversed())
        .limit(25)
        .forEach(s -> System.out.printf("  %7d ms own %7d ms total  +%6d ms  %s%n",
            (s.nanos() - childNanos.getOrDefault(s.id(), 0L)) / 1_000_000, s.nanos() / 1_000_000,
            s.startNanos() - startMillis, s.bean()));
    context.close();
    System.exit(0);
  }
}
