package io.oppflow.gate.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.RuleSet;
import io.oppflow.gate.Verdict;
import io.oppflow.shared.Message;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Replays a rule set over the gate records of a window, newest first, and tallies where its verdicts differ from
 * the recorded ones. Each record is decided as its gate was ({@link GateFacts#judgedBy}): on the facts it keeps,
 * on the day it was evaluated, so that a date criterion judges as it did then and only the rules differ. It reads
 * the records a page at a time, and only reads.
 */
@Component
class GateRecordReplay {

  static final int DEFAULT_LIMIT = 20_000;
  private static final int PAGE = 500;
  private static final String COLUMNS = "select id, opportunity_code, process_key, stage, verdict, failures_json,"
      + " facts_json, rules_version, evaluated_at from gate_record";
  private static final Message UNREADABLE = new Message("此关卡记录保存的事实无法读取，未重放",
      "the facts this gate record keeps cannot be read back; it was not replayed");
  private static final Message RULE_FAILED = new Message("候选规则在评估此关卡时出错（规则本身有缺陷），未计入",
      "the candidate rules failed while evaluating this gate (a defect in a rule); it is not counted");

  /** A record read for the replay: what it decided, and the facts it decided on. */
  private record Row(ReplayTally.Recorded recorded, String factsJson) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final RecordedFacts recordedFacts;
  private final Clock clock;
  private final int limit;

  GateRecordReplay(JdbcTemplate jdbc, ObjectMapper json, Clock clock,
      @Value("${oppflow.rules.preview.max-records:" + DEFAULT_LIMIT + "}") int limit) {
    this.jdbc = jdbc;
    this.json = json;
    this.recordedFacts = new RecordedFacts(json);
    this.clock = clock;
    this.limit = limit;
  }

  /** How {@code candidate} would have decided the gate records of {@code window}; {@code examples} per kind of change. */
  RuleChangePreview replay(RuleSet candidate, String activeVersion, PreviewWindow window, int examples) {
    OffsetDateTime from = window.from().atOffset(ZoneOffset.UTC);
    OffsetDateTime to = window.to().atOffset(ZoneOffset.UTC);
    Map<String, Object> extent = jdbc.queryForMap("select count(*) as n, max(id) as last from gate_record"
        + " where evaluated_at >= ? and evaluated_at < ?", from, to);
    long inWindow = ((Number) extent.get("n")).longValue();
    ReplayTally tally = new ReplayTally(examples);
    if (inWindow > 0) {
      // From the newest record counted down, so records appended meanwhile neither count nor replay.
      replayPages(candidate, from, to, ((Number) extent.get("last")).longValue() + 1, tally);
    }
    boolean truncated = inWindow > limit;
    return new RuleChangePreview(candidate.version(), activeVersion, window.from(), window.to(), inWindow, limit,
        truncated, truncated ? cut(inWindow) : null, tally.total(), tally.stages(), tally.criteria(), tally.examples(),
        tally.notReplayedExamples(), null);
  }

  /** Replays the window's records below id {@code below}, newest first, a page at a time, at most {@code limit}. */
  private void replayPages(RuleSet candidate, OffsetDateTime from, OffsetDateTime to, long below, ReplayTally tally) {
    int left = limit;
    while (left > 0) {
      int size = Math.min(PAGE, left);
      List<Row> page = jdbc.query(COLUMNS + " where evaluated_at >= ? and evaluated_at < ? and id < ?"
          + " order by id desc limit ?", (rs, i) -> row(rs), from, to, below, size);
      page.forEach(row -> replay(candidate, row, tally));
      if (page.size() < size) {
        return;
      }
      left -= page.size();
      below = page.get(page.size() - 1).recorded().id();
    }
  }

  private void replay(RuleSet candidate, Row row, ReplayTally tally) {
    ReplayTally.Recorded old = row.recorded();
    GateFacts facts;
    try {
      if (old.failures() == null) {
        throw new RecordedFacts.UnreadableFactsException("unreadable failures", null);
      }
      facts = recordedFacts.read(row.factsJson(), old.process());
    } catch (RecordedFacts.UnreadableFactsException e) {
      tally.notReplayed(old, UNREADABLE);
      return;
    }
    GateVerdict now;
    try {
      now = facts.judgedBy(candidate, old.stage(), LocalDate.ofInstant(old.evaluatedAt(), clock.getZone()));
    } catch (GateEvaluationException e) {
      tally.notReplayed(old, RULE_FAILED);
      return;
    }
    tally.add(old, now);
  }

  private Row row(ResultSet rs) throws SQLException {
    return new Row(new ReplayTally.Recorded(rs.getLong("id"), rs.getString("opportunity_code"), rs.getString("process_key"),
        rs.getString("stage"), Verdict.valueOf(rs.getString("verdict")), failures(rs.getString("failures_json")),
        rs.getString("rules_version"), rs.getObject("evaluated_at", OffsetDateTime.class).toInstant()),
        rs.getString("facts_json"));
  }

  /** The blocking criteria a record keeps, by code; null when they cannot be read. */
  private Map<String, Message> failures(String text) {
    try {
      Map<String, Message> failures = new LinkedHashMap<>();
      for (JsonNode c : json.readTree(text)) {
        JsonNode m = c.path("message");
        failures.put(c.path("code").asText(), new Message(m.path("zh").asText(), m.path("en").asText()));
      }
      return failures;
    } catch (IOException e) {
      return null;
    }
  }

  private Message cut(long inWindow) {
    return new Message("此时间窗口内有 " + inWindow + " 条关卡记录，只重放了最新的 " + limit + " 条；请缩小时间窗口以查看其余记录",
        "The window holds " + inWindow + " gate records; only the newest " + limit + " were replayed. Narrow the window "
            + "to see the rest.");
  }
}
