package io.oppflow.importing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CSV import, run on every database we support: good rows become opportunities with their history,
 * bad rows are reported by line, a second import of the same file changes nothing.
 */
abstract class ImportContract {

  private static final String HEADER =
      "code,name,customer,customer_type,project_type,region,org_unit,owner,amount,currency,created_on,stage,status,closed_on,lost_reason";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired InterruptedImports interrupted;
  @Autowired ImportBatch batch;
  @Autowired io.oppflow.opportunity.OpportunityService opportunities;
  @Autowired io.oppflow.funnel.StageCatalog catalog;

  String p;  // a prefix of this test's codes: the context (and database) is shared

  ApiClient ops() { return ApiClient.as(port, "ops1"); }

  @BeforeEach
  void freshPrefix() {
    p = "IMP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
  }

  /** Lines 2, 3, 4 and 12 (a record spanning lines 12-13) are good; the rest are not. */
  String mixedFile() {
    return "\uFEFF" + HEADER + "\r\n"
        + p + "OPEN,\"华东, 财务系统\",上海某公司,NEW,LARGE,华东,HQ/East/Shanghai-1,zhang.wei,\"1,200,000\",CNY,2026-01-10,CONFIRM_INTENT,OPEN,,\r\n"
        + p + "WON,ERP 升级,杭州某公司,OLD,SMALL,华东,HQ/East/Hangzhou-1,li.na,300000,CNY,2026-02-01,,WON,2026-04-12,\r\n"
        + p + "LOST,CRM,南京某公司,NEW,SMALL,华东,HQ/East/Nanjing-1,li.na,50000,CNY,2026-03-01,,LOST,2026-03-21,COMPETITOR:金蝶\r\n"
        + p + "BADSTAGE,x,c,NEW,SMALL,华东,HQ/East,li.na,1,CNY,2026-03-01,NO_SUCH_STAGE,OPEN,,\r\n"
        + p + "BADDATE,x,c,NEW,SMALL,华东,HQ/East,li.na,1,CNY,2026/03/01,TARGET,OPEN,,\r\n"
        + p + "BADSTATUS,x,c,NEW,SMALL,华东,HQ/East,li.na,1,CNY,2026-03-01,TARGET,MAYBE,,\r\n"
        + p + "NOOWNER,x,c,NEW,SMALL,华东,HQ/East,,1,CNY,2026-03-01,TARGET,OPEN,,\r\n"
        + p + "CLOSEDSTAGE,x,c,NEW,SMALL,华东,HQ/East,li.na,1,CNY,2026-03-01,NEGOTIATE,WON,2026-03-05,\r\n"
        + p + "OPEN,again,c,NEW,SMALL,华东,HQ/East,li.na,1,CNY,2026-03-01,TARGET,OPEN,,\r\n"
        + p + "BADAMOUNT,x,c,NEW,SMALL,华东,HQ/East,li.na,lots,CNY,2026-03-01,TARGET,OPEN,,\r\n"
        + p + "MULTI,\"two\nlines, \"\"quoted\"\"\",c,NEW,SMALL,华东,HQ/East,li.na,10,CNY,2026-03-01,TARGET,OPEN,,\r\n"
        + p + "LOSTREASON,x,c,NEW,SMALL,华东,HQ/East,li.na,1,CNY,2026-03-01,TARGET,OPEN,,COMPETITOR\r\n";
  }

  @Test
  void shouldFailAJobWhoseNodeStoppedBeatingButNotOneStillBeating() {
    String quiet = UUID.randomUUID().toString();
    String beating = UUID.randomUUID().toString();
    // created long ago, both: only the heartbeat tells a stopped node's job from a long one still running
    insertRunningJob(quiet, Instant.now().minus(Duration.ofDays(1)), Instant.now().minus(Duration.ofMinutes(3)));
    insertRunningJob(beating, Instant.now().minus(Duration.ofDays(1)), Instant.now().minus(Duration.ofSeconds(5)));

    interrupted.failJobsGoneQuiet();

    assertThat(jdbc.queryForList("select status, failure, finished_at from import_job where id = ?", quiet))
        .singleElement().satisfies(job -> {
          assertThat(job.get("STATUS")).isEqualTo("FAILED");
          assertThat((String) job.get("FAILURE")).contains("stopped before it finished");
          assertThat(job.get("FINISHED_AT")).isNotNull();
        });
    assertThat(ops().get("/api/imports/" + quiet).json().path("status").asText()).isEqualTo("FAILED");
    assertThat(jdbc.queryForObject("select status from import_job where id = ?", String.class, beating)).isEqualTo("RUNNING");
    jdbc.update("delete from import_job where id = ?", beating);
  }

  private void insertRunningJob(String id, Instant createdAt, Instant heartbeatAt) {
    jdbc.update("insert into import_job (id, process_key, file_name, status, total, imported, skipped, rejected,"
        + " created_by, created_at, heartbeat_at) values (?, 'project-sales-funnel', 'x.csv', 'RUNNING', 10, 3, 0, 0,"
        + " 'ops1', ?, ?)", id, java.sql.Timestamp.from(createdAt), java.sql.Timestamp.from(heartbeatAt));
  }

  @Test
  void shouldImportGoodRowsAndReportBadOnesByLine() {
    JsonNode job = importAndWait(mixedFile());

    assertThat(job.path("status").asText()).isEqualTo("DONE");
    assertThat(job.path("total").asInt()).isEqualTo(12);
    assertThat(job.path("imported").asInt()).isEqualTo(4);
    assertThat(job.path("rejected").asInt()).isEqualTo(8);
    assertThat(job.path("skipped").asInt()).isZero();
    List<Integer> lines = new ArrayList<>();
    job.path("errors").forEach(e -> lines.add(e.path("line").asInt()));
    assertThat(lines).containsExactly(5, 6, 7, 8, 9, 10, 11, 14);
    assertThat(reason(job, 5)).contains("stage").contains("NO_SUCH_STAGE");
    assertThat(reason(job, 6)).contains("created_on").contains("ISO date");
    assertThat(reason(job, 7)).contains("status").contains("MAYBE");
    assertThat(reason(job, 8)).isEqualTo("owner: 必填 / required");
    assertThat(reason(job, 9)).startsWith("stage: ").contains("须留空 / must be empty");
    assertThat(reason(job, 10)).contains("line 2");
    assertThat(reason(job, 11)).contains("amount").contains("lots");
    assertThat(reason(job, 14)).contains("lost_reason");
    assertThat(jdbc.queryForObject("select count(*) from opportunity where code like ?", Integer.class, p + "%"))
        .isEqualTo(4);
    assertThat(jdbc.queryForObject("select name from opportunity where code = ?", String.class, p + "MULTI"))
        .isEqualTo("two\nlines, \"quoted\"");
  }

  @Test
  void shouldContinueOpenRowsAsLiveOpportunitiesAtTheirStage() {
    importAndWait(mixedFile());

    JsonNode open = ops().get("/api/opportunities/" + p + "OPEN").json();
    assertThat(open.path("status").asText()).isEqualTo("OPEN");
    assertThat(open.path("stage").asText()).isEqualTo("CONFIRM_INTENT");
    assertThat(open.path("name").asText()).isEqualTo("华东, 财务系统");
    assertThat(open.path("amount").decimalValue()).isEqualByComparingTo("1200000");
    // (in CONFIRM_INTENT since 2026-01-10, past its 30-day limit: a stall review joins the stage task)
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(p + "OPEN").taskDefinitionKey("Task_CONFIRM_INTENT")
        .singleResult();
    assertThat(task).isNotNull();
    assertThat(task.getAssignee()).as("owners need not be users").isEqualTo("zhang.wei");
    assertThat(task.getName()).isEqualTo("3 确认客户意向 · 上海某公司 · 华东, 财务系统 (" + p + "OPEN)");
    assertThat(task.getDescription()).as("the stage entered on the imported date, not on the day of the import")
        .contains("阶段 / Stage: 3 确认客户意向 / Confirm customer intent · 2026-01-10 进入，截至 " + LocalDate.now());
    assertThat(instant("select created_at from opportunity where code = ?", p + "OPEN")).isEqualTo(day("2026-01-10"));
  }

  @Test
  void shouldCloseWonAndLostRowsOnTheirClosingDayWithTheirReason() {
    importAndWait(mixedFile());

    assertThat(jdbc.queryForObject("select status from opportunity where code = ?", String.class, p + "WON")).isEqualTo("WON");
    assertThat(instant("select closed_at from opportunity where code = ?", p + "WON")).isEqualTo(day("2026-04-12"));
    assertThat(instant("select created_at from opportunity where code = ?", p + "WON")).isEqualTo(day("2026-02-01"));
    Map<String, Object> lost = jdbc.queryForMap("select status, lost_reason, lost_competitor from opportunity where code = ?",
        p + "LOST");
    assertThat(lost).containsEntry("status", "LOST").containsEntry("lost_reason", "COMPETITOR")
        .containsEntry("lost_competitor", "金蝶");
    assertThat(instant("select closed_at from opportunity where code = ?", p + "LOST")).isEqualTo(day("2026-03-21"));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(p + "WON").count()).isZero();
  }

  @Test
  void shouldGiveImportedOpportunitiesStageIntervalsWithTheHistoricalDates() {
    importAndWait(mixedFile());

    // open at CONFIRM_INTENT since 2026-01-10: the two stages before passed that day, the third still open
    assertThat(intervals(p + "OPEN")).containsExactly(
        "TARGET 2026-01-10 2026-01-10 ADVANCED IMPORT",
        "DISCOVER 2026-01-10 2026-01-10 ADVANCED IMPORT",
        "CONFIRM_INTENT 2026-01-10 - - IMPORT");
    assertThat(jdbc.queryForObject("select activity_instance_id from stage_interval where opportunity_code = ?"
        + " and stage = 'CONFIRM_INTENT'", String.class, p + "OPEN")).as("the live stage keeps its engine link").isNotNull();
    // won: the whole cycle in the first stage, the others passed on the closing day
    assertThat(intervals(p + "WON")).containsExactly(
        "TARGET 2026-02-01 2026-04-12 ADVANCED IMPORT",
        "DISCOVER 2026-04-12 2026-04-12 ADVANCED IMPORT",
        "CONFIRM_INTENT 2026-04-12 2026-04-12 ADVANCED IMPORT",
        "INITIATE_PROJECT 2026-04-12 2026-04-12 ADVANCED IMPORT",
        "WIN_RECOGNITION 2026-04-12 2026-04-12 ADVANCED IMPORT",
        "NEGOTIATE 2026-04-12 2026-04-12 ADVANCED IMPORT",
        "CLOSE 2026-04-12 2026-04-12 ADVANCED IMPORT");
    assertThat(intervals(p + "LOST")).containsExactly("TARGET 2026-03-01 2026-03-21 LOST IMPORT");
  }

  @Test
  void shouldLetFunnelFiguresOverTheImportedHistoryMatchHandComputedOnes() {
    importAndWait(mixedFile());
    String codes = "opportunity_code like '" + p + "%'";

    // entered TARGET: OPEN, WON, LOST, MULTI = 4; entered CONFIRM_INTENT: OPEN, WON = 2; CLOSE: WON = 1
    assertThat(count("select count(*) from stage_interval where stage = 'TARGET' and " + codes)).isEqualTo(4);
    assertThat(count("select count(*) from stage_interval where stage = 'CONFIRM_INTENT' and " + codes)).isEqualTo(2);
    assertThat(count("select count(*) from stage_interval where stage = 'CLOSE' and outcome = 'ADVANCED' and " + codes)).isEqualTo(1);
    // TARGET: advanced 2 (OPEN, WON), lost 1 (LOST), still open 1 (MULTI)
    assertThat(count("select count(*) from stage_interval where stage = 'TARGET' and outcome = 'ADVANCED' and " + codes)).isEqualTo(2);
    assertThat(count("select count(*) from stage_interval where stage = 'TARGET' and outcome = 'LOST' and " + codes)).isEqualTo(1);
    assertThat(count("select count(*) from stage_interval where stage = 'TARGET' and left_at is null and " + codes)).isEqualTo(1);
    // every imported interval carries its opportunity's slices, by which the funnel groups and filters
    assertThat(count("select count(*) from stage_interval where (owner is null or org_unit is null) and " + codes)).isZero();
    // dwell in TARGET of the closed ones: WON 2026-02-01 -> 04-12 = 70 days, LOST 03-01 -> 03-21 = 20 days
    List<Long> dwellDays = jdbc.query("select entered_at, left_at from stage_interval where stage = 'TARGET'"
        + " and left_at is not null and " + codes + " order by opportunity_code",
        (rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()).toDays());
    assertThat(dwellDays).containsExactly(20L, 0L, 70L);  // LOST, OPEN, WON
    // win rate = won / (won + lost) = 1 / 2; cycle of the won one = 70 days
    assertThat(count("select count(*) from opportunity where status = 'WON' and code like '" + p + "%'")).isEqualTo(1);
    assertThat(count("select count(*) from opportunity where status = 'LOST' and code like '" + p + "%'")).isEqualTo(1);
  }

  @Test
  void shouldGiveTheFunnelOverImportedHistoryItsCountsOutcomesAndCycleButNoDwell() {
    String unit = "HQ/East/IMP" + UUID.randomUUID().toString().substring(0, 6);
    importAndWait(HEADER + "\n"
        + p + "W,ERP,c,OLD,SMALL,华东," + unit + ",li.na,300000,CNY,2026-02-01,,WON,2026-04-12,\n"
        + p + "L,CRM,c,NEW,SMALL,华东," + unit + ",li.na,50000,CNY,2026-03-01,,LOST,2026-03-21,COMPETITOR\n"
        + p + "O,HR,c,NEW,LARGE,华东," + unit + ",zhang.wei,1200000,CNY,2026-01-10,CONFIRM_INTENT,OPEN,,\n");

    ApiClient.Response r = ops().get("/api/funnel?process=project-sales-funnel&orgUnit=" + java.net.URLEncoder.encode(unit, StandardCharsets.UTF_8));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode all = r.json().path("groups").get(0);
    // TARGET: W and O advanced, L lost there; CONFIRM_INTENT: W advanced, O still in it; CLOSE: W advanced (won)
    JsonNode target = stage(all, "TARGET");
    assertThat(List.of(target.path("entered").asInt(), target.path("advanced").asInt(), target.path("lost").asInt()))
        .containsExactly(3, 2, 1);
    JsonNode confirm = stage(all, "CONFIRM_INTENT");
    assertThat(List.of(confirm.path("entered").asInt(), confirm.path("advanced").asInt(), confirm.path("open").asInt()))
        .containsExactly(2, 1, 1);
    assertThat(stage(all, "CLOSE").path("advanced").asInt()).isEqualTo(1);
    // won 1, lost 1: win rate 1/2; cycle of the won one 2026-02-01 -> 04-12 = 70 days
    assertThat(all.path("won").asInt()).isEqualTo(1);
    assertThat(all.path("lost").asInt()).isEqualTo(1);
    assertThat(all.path("winRate").asDouble()).isEqualTo(0.5);
    assertThat(all.path("avgCycleDaysWon").asDouble()).isEqualTo(70.0);
    // when each stage was entered and left is not known from a spreadsheet: no dwell figures, rather than zeros
    for (JsonNode stage : all.path("stages")) {
      assertThat(stage.path("medianDwellDays").isMissingNode() || stage.path("medianDwellDays").isNull())
          .as("median dwell of %s", stage.path("stage").asText()).isTrue();
      assertThat(stage.path("avgDwellDays").isMissingNode() || stage.path("avgDwellDays").isNull()).isTrue();
    }
  }

  private static JsonNode stage(JsonNode group, String code) {
    for (JsonNode s : group.path("stages")) {
      if (code.equals(s.path("stage").asText())) {
        return s;
      }
    }
    throw new AssertionError("no stage " + code + " in " + group);
  }

  @Test
  void shouldChangeNothingWhenTheSameCodesAreImportedAgain() {
    importAndWait(mixedFile());
    // the open row is past its stage's dwell limit: once its stall review is there, nothing else is to come
    await("the stall review").atMost(Duration.ofMinutes(2)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(p + "OPEN").taskDefinitionKey("Task_CONFIRM_INTENT_ReviewStalled").count() == 1);
    List<String> before = snapshot();

    JsonNode again = importAndWait(mixedFile());

    assertThat(again.path("status").asText()).isEqualTo("DONE");
    assertThat(again.path("imported").asInt()).isZero();
    assertThat(again.path("skipped").asInt()).isEqualTo(4);
    assertThat(again.path("rejected").asInt()).isEqualTo(8);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(p + "OPEN").taskDefinitionKey("Task_CONFIRM_INTENT")
        .count()).isEqualTo(1);
  }

  // --- the closed rows of a batch are written together (batched inserts); a batch that fails goes one row at a time ---

  /**
   * Won and lost rows with every kind of history (plus an open one), codes {@code <prefix>W1 ...}; with
   * {@code broken}, a won row whose amount the database cannot hold (numeric(19, 2)) sits on line 4.
   */
  String closedFile(String prefix, boolean broken) {
    String row = "%s,%s,%s,%s,%s,%s," + unit + ",%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n";
    return HISTORY_HEADER + "\n"
        + row.formatted(prefix + "W1", "赢的项目", "杭州某公司", "OLD", "SMALL", "华东", "li.na", "300000", "CNY", "2017-02-01",
            "", "WON", "2017-04-12", "", "2017-06-30", "", "", "", "2017-03-01", "2017-03-20")
        + row.formatted(prefix + "L1", "丢的项目", "南京某公司", "NEW", "LARGE", "", "zhang.wei", "", "", "2017-03-01", "",
            "LOST", "2017-03-21", "COMPETITOR:金蝶", "", "", "CONFIRM_INTENT", "", "", "")
        + (broken ? row.formatted(prefix + "BIG", "太大", "c", "NEW", "SMALL", "华东", "li.na", "1" + "0".repeat(20), "CNY",
            "2017-02-01", "", "WON", "2017-04-12", "", "", "", "", "", "", "") : "")
        + row.formatted(prefix + "L2", "没说原因", "广州某公司", "", "", "华南", "li.na", "50", "USD", "2017-01-02", "", "LOST",
            "2017-01-05", "", "", "", "", "", "", "")
        + row.formatted(prefix + "L3", "客户停了", "c", "NEW", "SMALL", "华东", "li.na", "\"1,200.50\"", "CNY", "2017-01-02", "",
            "LOST", "2017-05-10", "客户停止采购", "", "", "DISCOVER", "2017-01-02", "2017-04-01", "")
        + row.formatted(prefix + "O1", "开着的项目", "c", "NEW", "SMALL", "华东", "li.na", "10", "CNY", "2017-01-02",
            "DISCOVER", "OPEN", "", "", "", "2017-03-01", "", "", "", "");
  }

  @Test
  void shouldStoreClosedRowsWrittenTogetherExactlyAsRowsWrittenOneByOne() {
    unit = "HQ/East/IMP" + UUID.randomUUID().toString().substring(0, 6);
    // together: the closed rows of the batch in batched inserts
    JsonNode all = importAndWait(closedFile(p + "T-", false));
    // one by one: a row the database refuses fails its batch, whose rows are then stored one transaction each
    JsonNode oneByOne = importAndWait(closedFile(p + "S-", true));

    assertThat(all.path("imported").asInt()).as(all.toString()).isEqualTo(5);
    assertThat(oneByOne.path("imported").asInt()).as(oneByOne.toString()).isEqualTo(5);
    for (String row : List.of("W1", "L1", "L2", "L3", "O1")) {
      Map<String, String> together = opportunityRow(p + "T-" + row);
      Map<String, String> alone = opportunityRow(p + "S-" + row);
      if (row.equals("O1")) {  // changed by its live process when it started, a moment apart
        together.remove("updated_at");
        alone.remove("updated_at");
      }
      assertThat(together).as(row).isEqualTo(alone);
      assertThat(intervalRows(p + "T-" + row)).as(row).isEqualTo(intervalRows(p + "S-" + row)).isNotEmpty();
    }
  }

  @Test
  void shouldCostABatchOnlyTheRowTheDatabaseRefuses() {
    unit = "HQ/East/IMP" + UUID.randomUUID().toString().substring(0, 6);

    JsonNode job = importAndWait(closedFile(p, true));

    assertThat(job.path("status").asText()).isEqualTo("DONE");
    assertThat(List.of(job.path("imported").asInt(), job.path("skipped").asInt(), job.path("rejected").asInt()))
        .as(job.toString()).containsExactly(5, 0, 1);
    assertThat(reason(job, 4)).startsWith("无法保存 / could not be stored");
    assertThat(count("select count(*) from opportunity where code like '" + p + "%'")).isEqualTo(5);
    assertThat(count("select count(*) from opportunity where code = '" + p + "BIG'")).isZero();
    assertThat(count("select count(*) from stage_interval where opportunity_code = '" + p + "BIG'")).isZero();
  }

  @Test
  void shouldStoreClosedRowsWrittenTogetherAsTheFileSays() {
    unit = "HQ/East/IMP" + UUID.randomUUID().toString().substring(0, 6);

    importAndWait(closedFile(p, false));

    // W1: created 02-01, DISCOVER entered 03-01, CONFIRM_INTENT 03-20, won 04-12; the rest passed on the closing day
    assertThat(intervals(p + "W1")).containsExactly(
        "TARGET 2017-02-01 2017-03-01 ADVANCED IMPORT",
        "DISCOVER 2017-03-01 2017-03-20 ADVANCED IMPORT",
        "CONFIRM_INTENT 2017-03-20 2017-04-12 ADVANCED IMPORT",
        "INITIATE_PROJECT 2017-04-12 2017-04-12 ADVANCED IMPORT",
        "WIN_RECOGNITION 2017-04-12 2017-04-12 ADVANCED IMPORT",
        "NEGOTIATE 2017-04-12 2017-04-12 ADVANCED IMPORT",
        "CLOSE 2017-04-12 2017-04-12 ADVANCED IMPORT");
    // L1: lost at CONFIRM_INTENT on 03-21, no entry dates: the stages after the first passed that day
    assertThat(intervals(p + "L1")).containsExactly(
        "TARGET 2017-03-01 2017-03-21 ADVANCED IMPORT",
        "DISCOVER 2017-03-21 2017-03-21 ADVANCED IMPORT",
        "CONFIRM_INTENT 2017-03-21 2017-03-21 LOST IMPORT");
    assertThat(intervals(p + "L2")).containsExactly("TARGET 2017-01-02 2017-01-05 LOST IMPORT");
    assertThat(intervals(p + "L3")).containsExactly(
        "TARGET 2017-01-02 2017-04-01 ADVANCED IMPORT",
        "DISCOVER 2017-04-01 2017-05-10 LOST IMPORT");
    // the opportunity as the API shows it
    JsonNode w1 = ops().get("/api/opportunities/" + p + "W1").json();
    assertThat(List.of(w1.path("status").asText(), w1.path("name").asText(), w1.path("customer").path("name").asText(),
        w1.path("owner").asText(), w1.path("orgUnit").asText(), w1.path("currency").asText(),
        w1.path("expectedCloseDate").asText())).as(w1.toString())
        .containsExactly("WON", "赢的项目", "杭州某公司", "li.na", unit, "CNY", "2017-06-30");
    assertThat(w1.path("amount").decimalValue()).isEqualByComparingTo("300000");
    assertThat(w1.path("version").asLong()).isZero();
    JsonNode l1 = ops().get("/api/opportunities/" + p + "L1").json();
    assertThat(List.of(l1.path("status").asText(), l1.path("stage").asText(), l1.path("lost").path("reason").asText(),
        l1.path("lost").path("competitor").asText())).as(l1.toString())
        .containsExactly("LOST", "CONFIRM_INTENT", "COMPETITOR", "金蝶");
    assertThat(instant("select closed_at from opportunity where code = ?", p + "L1")).isEqualTo(day("2017-03-21"));
    assertThat(instant("select updated_at from opportunity where code = ?", p + "L1")).isEqualTo(day("2017-03-21"));
    assertThat(jdbc.queryForMap("select lost_reason, lost_note from opportunity where code = ?", p + "L3"))
        .containsEntry("lost_reason", "CUSTOMER_STOPPED").containsEntry("lost_note", null);
    assertThat(jdbc.queryForObject("select amount from opportunity where code = ?", java.math.BigDecimal.class, p + "L3"))
        .isEqualByComparingTo("1200.50");
    assertThat(jdbc.queryForMap("select lost_reason, lost_note, customer_type, region from opportunity where code = ?",
        p + "L2")).containsEntry("lost_reason", "OTHER").containsEntry("lost_note", LostReasons.NOT_GIVEN)
        .containsEntry("customer_type", null).containsEntry("region", "华南");
    // the funnel of the unit: TARGET entered by all 5, lost there by L2; DISCOVER by 4 (L3 lost, O1 open in it)
    JsonNode all = ops().get("/api/funnel?process=project-sales-funnel&orgUnit="
        + java.net.URLEncoder.encode(unit, StandardCharsets.UTF_8)).json().path("groups").get(0);
    assertThat(List.of(stage(all, "TARGET").path("entered").asInt(), stage(all, "TARGET").path("lost").asInt(),
        stage(all, "DISCOVER").path("entered").asInt(), stage(all, "DISCOVER").path("lost").asInt(),
        stage(all, "DISCOVER").path("open").asInt(), stage(all, "CONFIRM_INTENT").path("lost").asInt(),
        all.path("won").asInt(), all.path("lost").asInt())).as(all.toString())
        .containsExactly(5, 1, 4, 1, 1, 1, 1, 3);
    assertThat(all.path("winRate").asDouble()).isEqualTo(0.25);
  }

  @Test
  void shouldSkipTheClosedRowsOfABatchWhoseCodesExistAndImportTheNewOnes() {
    unit = "HQ/East/IMP" + UUID.randomUUID().toString().substring(0, 6);
    importAndWait(closedFile(p, false));
    List<String> before = snapshot();

    JsonNode again = importAndWait(closedFile(p, false));
    assertThat(List.of(again.path("imported").asInt(), again.path("skipped").asInt(), again.path("rejected").asInt()))
        .as(again.toString()).containsExactly(0, 5, 0);
    assertThat(snapshot()).isEqualTo(before);

    // the same file with one more row: that one is imported, the others skipped
    JsonNode more = importAndWait(closedFile(p, true).replace("1" + "0".repeat(20), "7"));
    assertThat(List.of(more.path("imported").asInt(), more.path("skipped").asInt(), more.path("rejected").asInt()))
        .as(more.toString()).containsExactly(1, 5, 0);
    assertThat(intervals(p + "BIG")).hasSize(7);
    assertThat(snapshot()).containsAll(before);
  }

  /** Every column of the opportunity row but its id and code, as text. */
  private Map<String, String> opportunityRow(String code) {
    Map<String, String> row = new java.util.TreeMap<>();
    jdbc.queryForMap("select * from opportunity where code = ?", code).forEach((column, value) -> {
      if (!List.of("id", "code", "process_instance_id").contains(column.toLowerCase())) {
        row.put(column.toLowerCase(), String.valueOf(value));
      }
    });
    return row;
  }

  /** Every column of the opportunity's interval rows but ids, code and engine links, in id order. */
  private List<Map<String, String>> intervalRows(String code) {
    return jdbc.queryForList("select * from stage_interval where opportunity_code = ? order by id", code).stream()
        .map(r -> {
          Map<String, String> row = new java.util.TreeMap<>();
          r.forEach((column, value) -> {
            if (!List.of("id", "opportunity_code", "process_instance_id", "activity_instance_id")
                .contains(column.toLowerCase())) {
              row.put(column.toLowerCase(), String.valueOf(value));
            }
          });
          return row;
        }).toList();
  }

  @Test
  void shouldForbidImportsToRepsAndManagers() {
    ApiClient.Response byRep = ApiClient.as(port, "rep1").postForm("/api/imports", "file", "x.csv",
        mixedFile().getBytes(StandardCharsets.UTF_8), Map.of("process", "project-sales-funnel"));
    assertThat(byRep.status()).as(byRep.toString()).isEqualTo(403);
    ApiClient.Response byManager = ApiClient.as(port, "manager1").postForm("/api/imports", "file", "x.csv",
        mixedFile().getBytes(StandardCharsets.UTF_8), Map.of("process", "project-sales-funnel"));
    assertThat(byManager.status()).isEqualTo(403);
    assertThat(count("select count(*) from opportunity where code like '" + p + "%'")).isZero();

    String id = ops().postForm("/api/imports", "file", "x.csv", (HEADER + "\n").getBytes(StandardCharsets.UTF_8),
        Map.of("process", "project-sales-funnel")).json().path("id").asText();
    assertThat(ApiClient.as(port, "rep1").get("/api/imports/" + id).status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "admin", adminPassword()).get("/api/imports/" + id).status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAnUnknownProcessOrAFileWithoutTheColumns() {
    ApiClient.Response unknown = ops().postForm("/api/imports", "file", "x.csv", mixedFile().getBytes(StandardCharsets.UTF_8),
        Map.of("process", "no-such-process"));
    assertThat(unknown.status()).isEqualTo(400);
    ApiClient.Response noHeader = ops().postForm("/api/imports", "file", "x.csv", "code,name\nA1,x\n".getBytes(StandardCharsets.UTF_8),
        Map.of("process", "project-sales-funnel"));
    assertThat(noHeader.status()).isEqualTo(400);
    assertThat(noHeader.json().path("detail").asText()).contains("owner");
    assertThat(ops().get("/api/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void shouldImportAFileWithOnlyTheRequiredColumnsTheOthersEmpty() {
    // a CRM export with no stage, amount or region columns: closed deals only need no stage
    String file = "status,created_on,owner,org_unit,customer,name,code,closed_on\n"
        + "WON,2026-02-01,li.na,HQ/East/Hangzhou-1,杭州某公司,ERP 升级," + p + "MINWON,2026-04-12\n"
        + "LOST,2026-03-01,li.na,HQ/East/Nanjing-1,南京某公司,CRM," + p + "MINLOST,2026-03-21\n"
        + "OPEN,2026-03-01,li.na,HQ/East/Nanjing-1,南京某公司,CRM," + p + "MINOPEN,\n";

    JsonNode job = importAndWait(file);

    assertThat(job.path("imported").asInt()).as(job.toString()).isEqualTo(2);
    assertThat(job.path("rejected").asInt()).isEqualTo(1);
    assertThat(reason(job, 4)).isEqualTo("stage: 未结商机须填写（文件中没有 stage 列） / "
        + "required for an open opportunity (the file has no stage column)");
    Map<String, Object> won = jdbc.queryForMap("select status, amount, region, currency, customer_type, closed_at"
        + " from opportunity where code = ?", p + "MINWON");
    assertThat(won).containsEntry("status", "WON");
    assertThat(won.get("amount")).isNull();
    assertThat(won.get("region")).isNull();
    assertThat(won.get("currency")).isNull();
    assertThat(won.get("customer_type")).isNull();
    assertThat(instant("select closed_at from opportunity where code = ?", p + "MINWON")).isEqualTo(day("2026-04-12"));
    assertThat(jdbc.queryForMap("select status, lost_reason from opportunity where code = ?", p + "MINLOST"))
        .containsEntry("status", "LOST").containsEntry("lost_reason", "OTHER");
    assertThat(intervals(p + "MINLOST")).containsExactly("TARGET 2026-03-01 2026-03-21 LOST IMPORT");
  }

  @Test
  void shouldRefuseAFileMissingARequiredColumnNamingItAndTheOptionalOnes() {
    int jobsBefore = count("select count(*) from import_job");
    String noCustomer = "code,name,org_unit,owner,created_on,status,stage\n"
        + p + "A,x,HQ/East,li.na,2026-03-01,OPEN,TARGET\n";

    ApiClient.Response refused = ops().postForm("/api/imports", "file", "x.csv", noCustomer.getBytes(StandardCharsets.UTF_8),
        Map.of("process", "project-sales-funnel"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    String detail = refused.json().path("detail").asText();
    assertThat(detail).contains("lacks the required columns customer (");
    assertThat(detail).contains("optional, may be left out: customer_type, project_type, region, amount, currency,"
        + " stage, closed_on, lost_reason, expected_close_on, stage_entered_on, lost_at_stage, entered_<stage>_on");
    assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
    assertThat(count("select count(*) from import_job")).isEqualTo(jobsBefore);
  }

  @Test
  void shouldRefuseAFileThatIsNotCsvNamingTheLineAndStartNoJob() {
    int jobsBefore = count("select count(*) from import_job");
    String neverClosed = HEADER + "\n" + p + "A,x,c,NEW,SMALL,华东,HQ/East,li.na,1,CNY,2026-03-01,TARGET,OPEN,,\n"
        + p + "B,\"never closed,c,NEW,SMALL,华东,HQ/East,li.na,1,CNY,2026-03-01,TARGET,OPEN,,\n";

    ApiClient.Response refused = ops().postForm("/api/imports", "file", "x.csv", neverClosed.getBytes(StandardCharsets.UTF_8),
        Map.of("process", "project-sales-funnel"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("detail").asText()).contains("line 3").contains("double quotes");
    assertThat(refused.body()).doesNotContain("org.apache").doesNotContain("Exception");
    assertThat(count("select count(*) from import_job")).isEqualTo(jobsBefore);
    assertThat(count("select count(*) from opportunity where code like '" + p + "%'")).isZero();
  }

  // --- the history columns: expected_close_on, stage_entered_on, lost_at_stage, entered_<stage>_on ---

  private static final String HISTORY_HEADER = HEADER
      + ",expected_close_on,stage_entered_on,lost_at_stage,entered_target_on,entered_DISCOVER_on,Entered_Confirm_Intent_On";

  /** A unit of this test's own, so the funnel, warnings and forecast over it hold only these rows. */
  String unit;

  /**
   * Good: STALL (open in DISCOVER since 2017-03-01, limit 30 days), FRESH (open in CONFIRM_INTENT since 4 days ago),
   * LOSTD (lost at DISCOVER), FCST (open in NEGOTIATE, expected to close 2099-02-15). Bad: lines 6, 7, 8.
   */
  String historyFile() {
    unit = "HQ/East/IMP" + UUID.randomUUID().toString().substring(0, 6);
    LocalDate today = LocalDate.now();
    String row = "%s,%s,%s,NEW,SMALL,华东," + unit + ",%s,%s,CNY,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n";
    return HISTORY_HEADER + "\n"
        + row.formatted(p + "STALL", "停滞的项目", "深圳某公司", "li.na", 500, "2017-01-02", "DISCOVER", "OPEN", "", "", "",
            "2017-03-01", "", "", "", "")
        + row.formatted(p + "FRESH", "新项目", "北京某公司", "li.na", 700, today.minusDays(20), "CONFIRM_INTENT", "OPEN", "",
            "", "", "", "", "", today.minusDays(10), today.minusDays(4))
        + row.formatted(p + "LOSTD", "丢掉的项目", "广州某公司", "zhang.wei", 300, "2017-01-02", "", "LOST", "2017-05-10",
            "COMPETITOR:金蝶", "", "", "DISCOVER", "", "", "")
        + row.formatted(p + "FCST", "预测的项目", "成都某公司", "zhang.wei", 1000, "2017-01-02", "NEGOTIATE", "OPEN", "", "",
            "2099-02-15", "", "", "", "", "")
        + row.formatted(p + "BACK", "x", "c", "li.na", 1, "2017-01-02", "CONFIRM_INTENT", "OPEN", "", "", "", "", "", "",
            "2017-03-01", "2017-02-01")
        + row.formatted(p + "BEYOND", "x", "c", "li.na", 1, "2017-01-02", "DISCOVER", "OPEN", "", "", "", "", "", "", "",
            "2017-02-01")
        + row.formatted(p + "LOSTOPEN", "x", "c", "li.na", 1, "2017-01-02", "DISCOVER", "OPEN", "", "", "", "", "DISCOVER",
            "", "", "");
  }

  @Test
  void shouldRejectStageEntriesOutOfOrderBeyondTheStageReachedOrALossStageOfAnOpenRow() {
    JsonNode job = importAndWait(historyFile());

    assertThat(job.path("imported").asInt()).as(job.toString()).isEqualTo(4);
    assertThat(job.path("rejected").asInt()).isEqualTo(3);
    assertThat(reason(job, 6)).contains("entered_confirm_intent_on").contains("2017-02-01").contains("before")
        .contains("entered_discover_on 2017-03-01");
    assertThat(reason(job, 7)).contains("entered_confirm_intent_on").contains("never reached CONFIRM_INTENT")
        .contains("open in DISCOVER");
    assertThat(reason(job, 8)).isEqualTo("lost_at_stage: 只有丢单的商机才有丢单阶段 / only lost opportunities have one");
  }

  @Test
  void shouldRefuseAStageEntryColumnOfNoStage() {
    ApiClient.Response refused = ops().postForm("/api/imports", "file", "x.csv",
        (HEADER + ",entered_nowhere_on\n").getBytes(StandardCharsets.UTF_8), Map.of("process", "project-sales-funnel"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("detail").asText()).contains("entered_nowhere_on").contains("DISCOVER");
  }

  @Test
  void shouldWriteTheHistoryTheColumnsGiveInStageOrder() {
    importAndWait(historyFile());
    LocalDate today = LocalDate.now();

    // TARGET from created_on until DISCOVER was entered; DISCOVER open since its own date
    assertThat(intervals(p + "STALL")).containsExactly(
        "TARGET 2017-01-02 2017-03-01 ADVANCED IMPORT",
        "DISCOVER 2017-03-01 - - IMPORT");
    assertThat(intervals(p + "FRESH")).containsExactly(
        "TARGET " + today.minusDays(20) + " " + today.minusDays(10) + " ADVANCED IMPORT",
        "DISCOVER " + today.minusDays(10) + " " + today.minusDays(4) + " ADVANCED IMPORT",
        "CONFIRM_INTENT " + today.minusDays(4) + " - - IMPORT");
    // lost at DISCOVER, entered at a date the row does not give: passed on the day it was lost
    assertThat(intervals(p + "LOSTD")).containsExactly(
        "TARGET 2017-01-02 2017-05-10 ADVANCED IMPORT",
        "DISCOVER 2017-05-10 2017-05-10 LOST IMPORT");
    assertThat(jdbc.queryForObject("select stage from opportunity where code = ?", String.class, p + "LOSTD"))
        .isEqualTo("DISCOVER");
    // six stages passed on the same day: read in stage order by id, as every reader orders them (entered_at, id)
    assertThat(stagesInReadingOrder(p + "FCST")).containsExactly(
        "TARGET", "DISCOVER", "CONFIRM_INTENT", "INITIATE_PROJECT", "WIN_RECOGNITION", "NEGOTIATE");
    assertThat(jdbc.queryForObject("select process_instance_id from stage_interval where opportunity_code = ?"
        + " and left_at is null", String.class, p + "FCST")).as("the live stage keeps its engine link")
        .isEqualTo(jdbc.queryForObject("select process_instance_id from opportunity where code = ?", String.class, p + "FCST"));
    assertThat(jdbc.queryForObject("select expected_close_date from opportunity where code = ?", java.sql.Date.class,
        p + "FCST").toLocalDate()).isEqualTo(LocalDate.of(2099, 2, 15));
  }

  @Test
  void shouldRaiseNoWarningFromImportedHistory() {
    importAndWait(historyFile());
    String mixedUnit = "HQ/East/IMP" + UUID.randomUUID().toString().substring(0, 6);
    // the file that raised "re-entered TARGET after CONFIRM_INTENT" for its open row: every row in a unit of its own
    importAndWait(mixedFile().replaceAll(",HQ/East[^,]*,", "," + mixedUnit + ","));

    for (String u : List.of(unit, mixedUnit)) {
      for (String kind : List.of("REOPENED", "SKIPPED_STAGE")) {
        ApiClient.Response r = ops().get("/api/warnings?kind=" + kind + "&orgUnit="
            + java.net.URLEncoder.encode(u, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("warnings")).as(kind + " in " + u).isEmpty();
        assertThat(r.json().path("count").asInt()).isZero();
      }
    }
    assertThat(stagesInReadingOrder(p + "OPEN")).containsExactly("TARGET", "DISCOVER", "CONFIRM_INTENT");
  }

  @Test
  void shouldRunTheStallClockFromTheHistoricalStageEntry() {
    importAndWait(historyFile());

    // DISCOVER since 2017-03-01, limit 30 days: due 2017-03-31, so the review comes right after the import
    Task review = await("the stall review of " + p + "STALL").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
        .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(p + "STALL")
            .taskDefinitionKey("Task_DISCOVER_ReviewStalled").singleResult(), java.util.Objects::nonNull);
    long days = Duration.between(day("2017-03-01"), Instant.now()).toDays();
    assertThat(tasks.getVariableLocal(review.getId(), "daysInStage")).as("days since the historical entry")
        .isEqualTo(days);
    JsonNode stalled = ops().get("/api/warnings?kind=STALLED&orgUnit="
        + java.net.URLEncoder.encode(unit, StandardCharsets.UTF_8)).json();
    assertThat(stalled.findValuesAsText("opportunity")).contains(p + "STALL");
    // CONFIRM_INTENT entered 4 days ago, limit 30 days: due in 26 days, not before
    org.camunda.bpm.engine.runtime.Job fresh = timerOf(p + "FRESH", "Timer_CONFIRM_INTENT_Stalled");
    assertThat(fresh.getDuedate().toInstant()).isCloseTo(day(LocalDate.now().minusDays(4).plusDays(30).toString()),
        within(Duration.ofMinutes(1)));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(p + "FRESH").taskDefinitionKey(
        "Task_CONFIRM_INTENT_ReviewStalled").count()).isZero();
  }

  @Test
  void shouldHoldTheStallReviewsItsHistoryMakesDueUntilTheImportsRowsAreIn() {
    Instant heldUntil = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

    ImportBatch.Result done = batch.run(acceptedRows(historyFile()), heldUntil);

    assertThat(done.imported()).isEqualTo(4);
    // STALL (DISCOVER since 2017-03-01) and FCST (NEGOTIATE since 2017-01-02) are past their limits: held, not run
    assertThat(timerOf(p + "STALL", "Timer_DISCOVER_Stalled").getDuedate().toInstant()).isEqualTo(heldUntil);
    assertThat(timerOf(p + "FCST", "Timer_NEGOTIATE_Stalled").getDuedate().toInstant()).isEqualTo(heldUntil);
    // FRESH (CONFIRM_INTENT since 4 days ago, limit 30 days) is not due: its timer keeps its day
    assertThat(timerOf(p + "FRESH", "Timer_CONFIRM_INTENT_Stalled").getDuedate().toInstant())
        .isCloseTo(day(LocalDate.now().minusDays(4).plusDays(30).toString()), within(Duration.ofMinutes(1)));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike(p + "%").taskNameLike("%Review%").count()).isZero();

    assertThat(opportunities.releaseHeldReviews(heldUntil)).isEqualTo(2);

    Task review = await("the stall review of " + p + "STALL").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
        .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(p + "STALL")
            .taskDefinitionKey("Task_DISCOVER_ReviewStalled").singleResult(), java.util.Objects::nonNull);
    assertThat(tasks.getVariableLocal(review.getId(), "daysInStage")).as("days since the historical entry")
        .isEqualTo(Duration.between(day("2017-03-01"), Instant.now()).toDays());
    assertThat(opportunities.releaseHeldReviews(heldUntil)).as("nothing is held any more").isZero();
  }

  /** The rows of {@code csv} the parser and the domain's checks accept, as the import's runner hands them over. */
  private List<ImportRow> acceptedRows(String csv) {
    List<CsvReader.CsvRecord> records = CsvReader.read(csv.getBytes(StandardCharsets.UTF_8));
    List<io.oppflow.funnel.StageDefinition> stages = catalog.stagesOf("project-sales-funnel");
    ImportColumns columns = ImportColumns.of(records.get(0).fields(),
        stages.stream().map(io.oppflow.funnel.StageDefinition::code).toList());
    RowParser parser = new RowParser(columns, "project-sales-funnel", stages, ZoneId.systemDefault(), LocalDate.now());
    return records.subList(1, records.size()).stream().map(parser::parse).filter(ImportRow::isAccepted)
        .filter(row -> {
          try {
            opportunities.checkImport(row.opportunity());
            return true;
          } catch (io.oppflow.shared.InvalidRequestException e) {
            return false;
          }
        }).toList();
  }

  @Test
  void shouldCountAnImportedLossAtItsStageInTheFunnel() {
    importAndWait(historyFile());

    JsonNode all = ops().get("/api/funnel?process=project-sales-funnel&orgUnit="
        + java.net.URLEncoder.encode(unit, StandardCharsets.UTF_8)).json().path("groups").get(0);
    // entered TARGET: STALL, FRESH, LOSTD, FCST, all advanced; DISCOVER: the same four, LOSTD lost there, STALL in it
    JsonNode target = stage(all, "TARGET");
    assertThat(List.of(target.path("entered").asInt(), target.path("advanced").asInt(), target.path("lost").asInt()))
        .containsExactly(4, 4, 0);
    JsonNode discover = stage(all, "DISCOVER");
    assertThat(List.of(discover.path("entered").asInt(), discover.path("advanced").asInt(), discover.path("lost").asInt(),
        discover.path("open").asInt())).containsExactly(4, 2, 1, 1);
  }

  @Test
  void shouldLetTheWeightedForecastCountAnImportedExpectedCloseDate() {
    importAndWait(historyFile());

    ApiClient.Response r = ops().get("/api/forecast?process=project-sales-funnel&method=weighted&period=2099-Q1&orgUnit="
        + java.net.URLEncoder.encode(unit, StandardCharsets.UTF_8));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    // FCST alone closes in 2099-Q1: 1000 in NEGOTIATE (win probability 0.80)
    assertThat(r.json().path("total").decimalValue()).isEqualByComparingTo("800");
  }

  @Test
  void shouldChangeNothingWhenAFileWithHistoryColumnsIsImportedAgain() {
    String file = historyFile();
    importAndWait(file);
    await("the stall review").atMost(Duration.ofMinutes(2)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(p + "STALL").taskDefinitionKey("Task_DISCOVER_ReviewStalled").count() == 1);
    List<String> before = snapshot();

    JsonNode again = importAndWait(file);

    assertThat(again.path("imported").asInt()).isZero();
    assertThat(again.path("skipped").asInt()).isEqualTo(4);
    assertThat(again.path("rejected").asInt()).isEqualTo(3);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(p + "FRESH").count()).isEqualTo(1);
  }

  private org.camunda.bpm.engine.runtime.Job timerOf(String code, String timerId) {
    String instance = jdbc.queryForObject("select process_instance_id from opportunity where code = ?", String.class, code);
    return management.createJobQuery().processInstanceId(instance).activityId(timerId).singleResult();
  }

  private List<String> stagesInReadingOrder(String code) {
    return jdbc.queryForList("select stage from stage_interval where opportunity_code = ? order by entered_at, id",
        String.class, code);
  }

  abstract String adminPassword();

  JsonNode importAndWait(String csv) {
    ApiClient.Response accepted = ops().postForm("/api/imports", "file", "opportunities.csv",
        csv.getBytes(StandardCharsets.UTF_8), Map.of("process", "project-sales-funnel"));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().path("id").asText();
    return await("import " + id + " to finish").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
        .until(() -> ops().get("/api/imports/" + id).json(), job -> !"RUNNING".equals(job.path("status").asText()));
  }

  private static String reason(JsonNode job, int line) {
    for (JsonNode e : job.path("errors")) {
      if (e.path("line").asInt() == line) {
        return e.path("reason").asText();
      }
    }
    return "";
  }

  private List<String> intervals(String code) {
    return jdbc.query("select stage, entered_at, left_at, outcome, source from stage_interval where opportunity_code = ?"
        + " order by stage_order, id", (rs, n) -> rs.getString(1) + " " + dayOf(rs.getTimestamp(2)) + " "
        + (rs.getTimestamp(3) == null ? "-" : dayOf(rs.getTimestamp(3))) + " "
        + (rs.getString(4) == null ? "-" : rs.getString(4)) + " " + rs.getString(5), code);
  }

  private List<String> snapshot() {
    List<String> rows = new ArrayList<>(jdbc.query("select code, status, stage, version, updated_at from opportunity"
        + " where code like ? order by code", (rs, n) -> rs.getString(1) + rs.getString(2) + rs.getString(3)
        + rs.getLong(4) + rs.getTimestamp(5).toInstant(), p + "%"));
    rows.addAll(jdbc.query("select id, stage, entered_at, left_at, outcome from stage_interval where opportunity_code like ?"
        + " order by id", (rs, n) -> rs.getLong(1) + rs.getString(2) + rs.getTimestamp(3) + rs.getTimestamp(4)
        + rs.getString(5), p + "%"));
    return rows;
  }

  private Instant instant(String sql, String code) {
    return jdbc.query(sql, (rs, n) -> rs.getTimestamp(1).toInstant(), code).get(0);
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  private static Instant day(String isoDate) {
    return LocalDate.parse(isoDate).atStartOfDay(ZoneId.systemDefault()).toInstant();
  }

  private static String dayOf(java.sql.Timestamp t) {
    return LocalDate.ofInstant(t.toInstant(), ZoneId.systemDefault()).toString();
  }

}
