package io.oppflow.bench;

import io.oppflow.shared.Message;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.oppflow.gate.Criterion;
import io.oppflow.gate.internal.GateRecordDigest;
import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.gate.RuleSet;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.ActivityView;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityStatus;
import io.oppflow.opportunity.OpportunityView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A gate log and its stage history as the engine would have left them, for the compliance benchmark: opportunities
 * of the project-sales funnel created evenly over 2025–2026, one process instance each, stage intervals of source
 * ENGINE, and per stage left some FAILED evaluations then a PASSED one (an OVERRIDDEN one after a manager's
 * exception for 3 % of advances) during the stage visit, at or up to 1.5 s before the next stage's entry. One in ten
 * opportunities is imported history instead (source IMPORT, no process instance, no gate records: exempt).
 *
 * <p>Facts are the example opportunity of {@code docs/examples} as {@link BenchFacts} builds it stage by stage,
 * written as the application writes {@code OpportunityView} (0.5–3.5 KB by stage); failures are the shipped rules' criteria
 * (code and zh/en message, read from {@code rules/projectsales}). Records are chained in time order with
 * {@link GateRecordDigest} exactly as {@code GateLog} seals them, and the head is set to the last one.
 *
 * <p>Known violations are put in on purpose, at most one kind per opportunity, and returned so the scan can be
 * checked: about 0.5 % of advances are an administrator's move with no allowing record (only FAILED records, no
 * record at all, a PASSED record 1 ms or more after the entry, or a skipped stage), and 0.3 % of advances are
 * reworked (moved back a stage, which is allowed) where, in one case of three, the stage is then left again without
 * a new pass (an old pass from the first visit does not count).
 */
public final class ComplianceDataGenerator {

  static final String PROCESS = BenchFacts.PROCESS;
  static final List<String> STAGES = BenchFacts.STAGES;
  private static final int LAST = STAGES.size() - 1;
  private static final long START = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
  private static final long NOW = Instant.parse("2027-01-01T00:00:00Z").toEpochMilli();
  private static final double ADVANCE = Math.pow(0.35, 1.0 / 7);
  private static final double IMPORTED = 0.10;
  private static final double OVERRIDE = 0.03;
  private static final double BYPASS = 0.005;
  private static final double REWORK = 0.003;
  private static final double STALE = 1.0 / 3;
  private static final String[] BRANCHES = {"East", "North", "South", "West"};
  private static final String[][] RULE_VERSIONS = {
      {"2025-06-01T00:00:00Z", "3f9a1c07e2b4d518"}, {"2026-02-01T00:00:00Z", "8c21e6f04a9b37d2"},
      {"2100-01-01T00:00:00Z", "d4e07b91c3a2f865"}};
  private static final String OVERRIDE_REASON = "客户预算审批延迟，其余条件均已满足，经理批准例外 / Budget approval is"
      + " delayed at the customer, every other criterion is met; the manager approves the exception";
  private static final int BATCH = 1000;
  private static final int MINIMAL_FACTS = STAGES.size();

  private enum Kind { NORMAL, NO_PASS, NOTHING, LATE, SKIP, REWORK, STALE }

  /** What was written, and the stage entries no gate allowed, as {@link #key} of each. */
  public record DataSet(int opportunities, long stageIntervals, long checkedEntries, long gateRecords,
      long overridden, Set<String> expectedViolations, Map<String, Integer> violationsByKind, double meanFactsBytes) {}

  private record Opp(String code, String pid, String owner, String orgUnit) {}

  private static final class Visit {
    final int opp;
    final int stage;
    final long entered;
    final boolean engine;
    long left = -1;
    String outcome;

    Visit(int opp, int stage, long entered, boolean engine) {
      this.opp = opp;
      this.stage = stage;
      this.entered = entered;
      this.engine = engine;
    }
  }

  private record Gate(int opp, int stage, String verdict, long at, int facts, int failureMask, long exceptionId) {}

  private final Random random;
  private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
      .serializationInclusion(JsonInclude.Include.NON_NULL).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();
  private final String[] factsTemplates = new String[STAGES.size() + 1];
  private final List<List<Criterion>> blocking = new ArrayList<>();
  private final List<List<Criterion>> warnings = new ArrayList<>();
  private final List<Opp> opps = new ArrayList<>();
  private final List<Visit> visits = new ArrayList<>();
  private final List<Gate> gates = new ArrayList<>();
  private final Set<String> expected = new HashSet<>();
  private final Map<String, Integer> byKind = new LinkedHashMap<>();
  private long exceptions;
  private long checked;

  public ComplianceDataGenerator(long seed) throws IOException {
    this.random = new Random(seed);
    for (int s = 0; s < STAGES.size(); s++) {
      factsTemplates[s] = template(BenchFacts.at(STAGES.get(s)));
    }
    factsTemplates[MINIMAL_FACTS] = template(BenchFacts.minimalAt(STAGES.get(0)));
    readCriteria(BenchFacts.RULES);
  }

  /** The identity of a stage entry in violation, the same for the generator, the scan and the naive way. */
  static String key(String processInstanceId, String stage, long enteredAtMillis) {
    return processInstanceId + "|" + stage + "|" + enteredAtMillis;
  }

  /** Generates opportunities until at least {@code gateRecords} gate records exist, and writes them all. */
  public DataSet generate(DataSource dataSource, int gateRecords) throws SQLException, JsonProcessingException {
    while (gates.size() < gateRecords) {
      int o = opps.size();
      String branch = BRANCHES[random.nextInt(BRANCHES.length)];
      int team = random.nextInt(3) + 1;
      boolean imported = random.nextDouble() < IMPORTED;
      opps.add(new Opp("GEN-" + o, imported ? null : new UUID(random.nextLong(), random.nextLong()).toString(),
          "rep-" + branch.toLowerCase() + team + "-" + (random.nextInt(5) + 1), "HQ/" + branch + "/" + branch + "-" + team));
      long created = START + (long) (random.nextDouble() * (NOW - START));
      if (imported) {
        importedHistory(o, created);
      } else {
        engineHistory(o, created);
      }
    }
    visits.sort(Comparator.comparingLong(v -> v.entered));
    gates.sort(Comparator.comparingLong(Gate::at));
    double factsBytes = write(dataSource);
    long overridden = gates.stream().filter(g -> g.verdict().equals("OVERRIDDEN")).count();
    return new DataSet(opps.size(), visits.size(), checked, gates.size(), overridden, Set.copyOf(expected),
        Map.copyOf(byKind), factsBytes);
  }

  private void importedHistory(int o, long at) {
    for (int s = 0; ; s++) {
      Visit v = enter(o, s, at, false);
      long left = at + dwell();
      if (left > NOW) {
        return;
      }
      boolean advanced = random.nextDouble() < ADVANCE;
      leave(v, left, advanced ? "ADVANCED" : "LOST");
      if (!advanced || s == LAST) {
        return;
      }
      at = left;
    }
  }

  private void engineHistory(int o, long at) {
    int s = 0;
    Visit v = enter(o, s, at, true);
    boolean anomaly = false;
    boolean reworked = false;
    while (true) {
      long left = at + dwell();
      if (left > NOW) {
        failed(o, s, at, NOW, failures());
        return;
      }
      if (random.nextDouble() >= ADVANCE) {
        failed(o, s, at, left, failures());
        leave(v, left, "LOST");
        return;
      }
      if (s == LAST) {
        pass(o, s, at, left);
        leave(v, left, "ADVANCED");
        return;
      }
      Kind kind = Kind.NORMAL;
      if (reworked) {
        kind = random.nextDouble() < STALE ? Kind.STALE : Kind.NORMAL;
        reworked = false;
      } else if (!anomaly) {
        double r = random.nextDouble();
        if (r < BYPASS) {
          kind = new Kind[] {Kind.NO_PASS, Kind.NOTHING, Kind.LATE, Kind.SKIP}[random.nextInt(4)];
          if (kind == Kind.SKIP && s + 2 > LAST) {
            kind = Kind.NO_PASS;
          }
        } else if (r < BYPASS + REWORK && s >= 1 && s + 1 < LAST) {
          kind = Kind.REWORK;
        }
        anomaly = kind != Kind.NORMAL;
      }
      switch (kind) {
        case NORMAL -> pass(o, s, at, left);
        case NO_PASS -> failed(o, s, at, left, 1 + failures());
        case NOTHING -> { }
        case STALE -> failed(o, s, at, left, failures());
        case LATE -> {
          failed(o, s, at, left, failures());
          long late = left + 1 + (random.nextInt(3) == 0 ? 0 : random.nextInt(60_000));
          gates.add(new Gate(o, s, "PASSED", late, s, warningFlag(), 0));
        }
        case SKIP -> pass(o, s, at, left);
        case REWORK -> pass(o, s, at, left);
      }
      boolean allowed = kind == Kind.NORMAL || kind == Kind.REWORK;
      leave(v, left, allowed ? "ADVANCED" : "LEFT");
      int next = kind == Kind.SKIP ? s + 2 : s + 1;
      v = enter(o, next, left, true);
      if (!allowed) {
        expected.add(key(opps.get(o).pid(), STAGES.get(next), left));
        byKind.merge(kind.name(), 1, Integer::sum);
      }
      if (kind == Kind.REWORK) {
        long back = left + dwell();
        if (back <= NOW) {
          // an administrator moves it back a stage: allowed, the gate before that stage passed in its only visit
          failed(o, next, left, back, failures());
          leave(v, back, "LEFT");
          v = enter(o, s, back, true);
          at = back;
          reworked = true;
          continue;
        }
      }
      s = next;
      at = left;
    }
  }

  private Visit enter(int o, int stage, long at, boolean engine) {
    Visit v = new Visit(o, stage, at, engine);
    visits.add(v);
    if (engine && stage > 0) {
      checked++;
    }
    return v;
  }

  private static void leave(Visit v, long at, String outcome) {
    v.left = at;
    v.outcome = outcome;
  }

  /** A gate passed (or, for 3 %, excepted) at or up to 1.5 s before the stage is left, after some failures. */
  private void pass(int o, int s, long entered, long left) {
    long at = Math.max(entered, random.nextDouble() < 0.3 ? left : left - random.nextInt(1500));
    boolean overridden = random.nextDouble() < OVERRIDE;
    int lastMask = failed(o, s, entered, at, overridden ? 1 + failures() : failures());
    if (overridden) {
      gates.add(new Gate(o, s, "OVERRIDDEN", at, s == 0 ? MINIMAL_FACTS : s - 1, lastMask, ++exceptions));
    } else {
      gates.add(new Gate(o, s, "PASSED", at, s, warningFlag(), 0));
    }
  }

  /** {@code n} FAILED evaluations in [from, to), on facts of the stage before; returns the last one's criteria. */
  private int failed(int o, int s, long from, long to, int n) {
    int mask = 0;
    for (int i = 0; i < n; i++) {
      long at = from + (long) (random.nextDouble() * Math.max(0, to - from));
      int count = blocking.get(s).size();
      mask = 0;
      for (int k = 1 + random.nextInt(Math.min(3, count)); k > 0; k--) {
        mask |= 1 << random.nextInt(count);
      }
      gates.add(new Gate(o, s, "FAILED", Math.min(at, Math.max(from, to - 1)), s == 0 ? MINIMAL_FACTS : s - 1, mask, 0));
    }
    return mask;
  }

  /** How many FAILED evaluations before the one that counts: none for about half of the stages. */
  private int failures() {
    int n = 0;
    while (random.nextDouble() < 0.45) {
      n++;
    }
    return n;
  }

  private int warningFlag() {
    return random.nextBoolean() ? 1 : 0;
  }

  /** Dwell in a stage: log-normal, median 7 days, σ 0.8, to the millisecond. */
  private long dwell() {
    return (long) (86_400_000L * Math.exp(Math.log(7) + 0.8 * random.nextGaussian()));
  }

  private double write(DataSource dataSource) throws SQLException, JsonProcessingException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      writeOpportunities(c);
      writeIntervals(c);
      double factsBytes = writeGates(c);
      c.commit();
      return factsBytes;
    }
  }

  private void writeOpportunities(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into opportunity (version, code, process_key,"
        + " process_instance_id, name, org_unit, owner, region, amount, currency, status, created_at, updated_at)"
        + " values (0, ?, ?, ?, ?, ?, ?, ?, 1800000, 'CNY', 'OPEN', ?, ?)")) {
      OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(START), ZoneOffset.UTC);
      int n = 0;
      for (Opp o : opps) {
        ps.setString(1, o.code());
        ps.setString(2, PROCESS);
        ps.setString(3, o.pid());
        ps.setString(4, "华东制造集团 ERP 升级 / East China Manufacturing ERP upgrade");
        ps.setString(5, o.orgUnit());
        ps.setString(6, o.owner());
        ps.setString(7, o.orgUnit().split("/")[1]);
        ps.setObject(8, at);
        ps.setObject(9, at);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private void writeIntervals(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into stage_interval (opportunity_code, process_key,"
        + " process_instance_id, activity_instance_id, stage, stage_order, entered_at, left_at, outcome, source, owner,"
        + " org_unit, region) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (Visit v : visits) {
        Opp o = opps.get(v.opp);
        ps.setString(1, o.code());
        ps.setString(2, PROCESS);
        ps.setString(3, v.engine ? o.pid() : null);
        ps.setString(4, v.engine ? "Stage_" + STAGES.get(v.stage) + ":" + new UUID(random.nextLong(), random.nextLong()) : null);
        ps.setString(5, STAGES.get(v.stage));
        ps.setInt(6, v.stage + 1);
        ps.setObject(7, time(v.entered));
        ps.setObject(8, v.left < 0 ? null : time(v.left), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(9, v.outcome);
        ps.setString(10, v.engine ? "ENGINE" : "IMPORT");
        ps.setString(11, o.owner());
        ps.setString(12, o.orgUnit());
        ps.setString(13, o.orgUnit().split("/")[1]);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Writes the gate records in time order, chained as {@code GateLog} chains them; returns the mean facts size. */
  private double writeGates(Connection c) throws SQLException, JsonProcessingException {
    long factsBytes = 0;
    String prev = GateRecordDigest.GENESIS;
    long seq = 0;
    try (PreparedStatement ps = c.prepareStatement("insert into gate_record (opportunity_code, process_key,"
        + " process_instance_id, stage, verdict, failures_json, warnings_json, rules_version, facts_json, requested_by,"
        + " evaluated_at, approved_by, override_reason, exception_id, seq, prev_hash, hash)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Gate g : gates) {
        seq++;
        Opp o = opps.get(g.opp());
        String stage = STAGES.get(g.stage());
        boolean failed = !g.verdict().equals("PASSED");
        String failures = failed ? json.writeValueAsString(pick(blocking.get(g.stage()), g.failureMask())) : "[]";
        String warns = !failed && g.failureMask() == 1 ? json.writeValueAsString(warnings.get(g.stage())) : "[]";
        Instant at = Instant.ofEpochMilli(g.at());
        String facts = factsTemplates[g.facts()].replace("@CODE@", o.code()).replace("@PID@", o.pid())
            .replace("@STAGE@", stage).replace("@OWNER@", o.owner()).replace("@ORG@", o.orgUnit())
            .replace("1970-01-02T00:00:00Z", at.toString());
        factsBytes += facts.length();
        String version = rulesVersion(g.at());
        boolean excepted = g.verdict().equals("OVERRIDDEN");
        String approvedBy = excepted ? "mgr-" + o.orgUnit().split("/")[1].toLowerCase() : null;
        String reason = excepted ? OVERRIDE_REASON : null;
        Long exceptionId = excepted ? g.exceptionId() : null;
        String hash = GateRecordDigest.hash(new GateRecordDigest.Content(seq, o.code(), PROCESS, o.pid(), stage,
            g.verdict(), failures, warns, version, facts, o.owner(), at, approvedBy, reason, exceptionId, prev));
        ps.setString(1, o.code());
        ps.setString(2, PROCESS);
        ps.setString(3, o.pid());
        ps.setString(4, stage);
        ps.setString(5, g.verdict());
        ps.setString(6, failures);
        ps.setString(7, warns);
        ps.setString(8, version);
        ps.setString(9, facts);
        ps.setString(10, o.owner());
        ps.setObject(11, time(g.at()));
        ps.setString(12, approvedBy);
        ps.setString(13, reason);
        ps.setObject(14, exceptionId, Types.BIGINT);
        ps.setLong(15, seq);
        ps.setString(16, prev);
        ps.setString(17, hash);
        ps.addBatch();
        if (seq % BATCH == 0) {
          ps.executeBatch();
        }
        prev = hash;
      }
      ps.executeBatch();
    }
    try (Statement s = c.createStatement();
        PreparedStatement head = c.prepareStatement("update gate_log_head set last_seq = ?, last_hash = ? where id = 1")) {
      // the head only moves one record forward (V41's trigger); the generator moves it to the end at once
      s.execute("alter table gate_log_head disable trigger user");
      head.setLong(1, seq);
      head.setString(2, prev);
      head.executeUpdate();
      s.execute("alter table gate_log_head enable trigger user");
    }
    return gates.isEmpty() ? 0 : (double) factsBytes / gates.size();
  }

  private static List<Criterion> pick(List<Criterion> criteria, int mask) {
    List<Criterion> picked = new ArrayList<>();
    for (int i = 0; i < criteria.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        picked.add(criteria.get(i));
      }
    }
    return picked;
  }

  private static String rulesVersion(long at) {
    for (String[] v : RULE_VERSIONS) {
      if (at < Instant.parse(v[0]).toEpochMilli()) {
        return v[1];
      }
    }
    throw new IllegalStateException("no rules version for " + at);
  }

  private static OffsetDateTime time(long millis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  /**
   * The facts as {@code StageGateService} writes them ({@code OpportunityView}), with placeholders for what
   * differs per record: code, process instance, stage, owner, org unit and the time of the evaluation.
   */
  private String template(BenchFacts.GateInput in) throws JsonProcessingException {
    Opportunity o = in.opportunity();
    List<ActivityView> activities = new ArrayList<>();
    long id = 1;
    for (Activity a : in.activities()) {
      activities.add(new ActivityView(id++, a.getType(), a.getDate(), a.getContact(), a.isDecisionMaker(), a.getNote(), a.getStage(),
          "@OWNER@", a.getRecordedAt()));
    }
    OpportunityView view = new OpportunityView("@CODE@", PROCESS, "@PID@", "@STAGE@", OpportunityStatus.OPEN,
        "@OWNER@", "@ORG@", o.getName(), o.getCustomer(), o.getCustomerType(), o.getProjectType(), o.getRegion(),
        o.getAmount(), o.getCurrency(), o.getExpectedCloseDate(), o.getNeeds(), o.getNeedConfirmed(), o.getBudget(),
        o.getSelectionTeam(), o.getTimeline(), o.getCompetitors(), o.getThirdPartyConsultant(),
        o.getCustomerProjectTeam(), o.getSolution(), o.getVendorStatus(), o.getContract(), o.getLoss(), activities,
        Instant.parse("2024-12-20T09:30:00Z"), Instant.parse("1970-01-02T00:00:00Z"), null, activities.size() + 1);
    return json.writeValueAsString(view);
  }

  /** The criteria of each stage's gate, as the shipped rules state them (DRL and decision table): code, zh and en message, blocking. */
  private void readCriteria(Path folder) {
    for (int s = 0; s < STAGES.size(); s++) {
      blocking.add(new ArrayList<>());
      warnings.add(new ArrayList<>());
    }
    for (Criterion c : RuleSet.compile(RuleFiles.read(folder)).criteria().values()) {
      int s = STAGES.indexOf(c.code().substring(0, c.code().lastIndexOf('-')));
      if (s >= 0) {
        (c.blocking() ? blocking : warnings).get(s).add(c);
      }
    }
    for (int s = 0; s < STAGES.size(); s++) {
      if (blocking.get(s).isEmpty()) {
        throw new IllegalStateException("no blocking criterion read for " + STAGES.get(s) + " from " + folder);
      }
    }
  }
}
