package io.oppflow.gate.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.RuleSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Builds the rule-change preview's replay outside Spring, on any data source: for the benchmark in io.oppflow.bench. */
public final class PreviewBenchAccess {

  /** A gate record's facts read back, with the gate and day it was decided on. */
  public record Decoded(GateFacts facts, String stage, LocalDate day) {

    public GateVerdict judgedBy(RuleSet rules) {
      return facts.judgedBy(rules, stage, day);
    }
  }

  private PreviewBenchAccess() {}

  /** The replay as the service runs it, replaying at most {@code limit} records. */
  public static Replay replay(DataSource dataSource, ObjectMapper json, Clock clock, int limit) {
    GateRecordReplay replay = new GateRecordReplay(new JdbcTemplate(dataSource), json, clock, limit);
    return (rules, from, to, examples) -> replay.replay(rules, "bench", new PreviewWindow(from, to), examples);
  }

  /** What {@link GateRecordReplay} does with one record's facts before the rules see them. */
  public static List<Decoded> decode(ObjectMapper json, Clock clock, List<String[]> factsProcessStageAt) {
    RecordedFacts reader = new RecordedFacts(json);
    List<Decoded> out = new ArrayList<>();
    for (String[] row : factsProcessStageAt) {
      out.add(new Decoded(reader.read(row[0], row[1]), row[2], LocalDate.ofInstant(Instant.parse(row[3]), clock.getZone())));
    }
    return out;
  }

  /** {@link GateRecordReplay#replay} over a window of instants. */
  @FunctionalInterface
  public interface Replay {
    RuleChangePreview run(RuleSet rules, Instant from, Instant to, int examples);
  }
}
