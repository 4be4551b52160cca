package io.oppflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.shared.Message;
import io.oppflow.shared.Refusals;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our users speak Chinese and English: a refused field says what is wrong in both, as "中文 / English" (the English
 * as docs/api.md quotes it), whether the API, a CSV import row or a forecast request refused it.
 */
@H2ServiceTest
class BilingualRefusalsTests {

  @LocalServerPort int port;

  @Test
  void shouldRefuseANewOpportunitysFieldsInBothLanguages() {
    ObjectNode badCode = Opportunities.minimal("x");
    ApiClient.Response refused = ApiClient.as(port, "rep1").post("/api/opportunities", badCode.toString());

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("message").asText())
        .isEqualTo("须为 2 至 64 个字母、数字或 '.'、'_'、'-' / must be 2-64 letters, digits, '.', '_' or '-'")
        .isEqualTo(Refusals.CODE);
    assertThat(refused.json().path("detail").asText()).isEqualTo("code: " + Refusals.CODE);

    ObjectNode noName = Opportunities.minimal(Opportunities.freshCode("BILINGUAL"));
    noName.put("name", " ");
    ApiClient.Response unnamed = ApiClient.as(port, "rep1").post("/api/opportunities", noName.toString());
    assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(400);
    assertThat(unnamed.json().path("errors").get(0).path("field").asText()).isEqualTo("name");
    assertThat(unnamed.json().path("errors").get(0).path("message").asText()).isEqualTo("不能为空 / must not be blank");
  }

  @Test
  void shouldRejectAnImportRowInBothLanguages() {
    String code = Opportunities.freshCode("BILINGUAL-IMP");
    String file = "code,name,customer,org_unit,owner,created_on,status,stage\n"
        + code + ",ERP 升级,杭州某公司,HQ/East/Hangzhou-1,,2026-02-01,OPEN,TARGET\n"
        + code + "-2,ERP 升级,杭州某公司,HQ/East/Hangzhou-1,li.na,2026-02-30,WON,\n";
    ApiClient ops = ApiClient.as(port, "ops1");
    ApiClient.Response accepted = ops.postForm("/api/imports", "file", "opportunities.csv",
        file.getBytes(StandardCharsets.UTF_8), Map.of("process", "project-sales-funnel"));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().path("id").asText();
    JsonNode job = await("import " + id).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
        .until(() -> ops.get("/api/imports/" + id).json(), j -> !"RUNNING".equals(j.path("status").asText()));

    assertThat(job.path("rejected").asInt()).as(job.toString()).isEqualTo(2);
    assertThat(job.path("errors").get(0).path("reason").asText()).isEqualTo("owner: 必填 / required");
    String badDate = job.path("errors").get(1).path("reason").asText();
    assertThat(badDate).isEqualTo("created_on: '2026-02-30' 不是 ISO 日期（yyyy-MM-dd） / '2026-02-30' is not an ISO date (yyyy-MM-dd)");
    assertBilingual(badDate.substring("created_on: ".length()));
  }

  @Test
  void shouldRefuseAForecastRequestInBothLanguages() {
    ApiClient.Response refused = ApiClient.as(port, "ops1")
        .get("/api/forecast?process=project-sales-funnel&orgUnit=HQ/East&period=2027-Q5");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    JsonNode error = refused.json().path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("period");
    Message message = assertBilingual(error.path("message").asText());
    assertThat(message.zh()).isEqualTo("'2027-Q5' 不是期间：请用年份（2027）、季度（2027-Q1）或月份（2027-03）");
    assertThat(message.en()).isEqualTo("'2027-Q5' is not a period: use a year (2027), a quarter (2027-Q1) or a month (2027-03)");

    ApiClient.Response window = ApiClient.as(port, "ops1")
        .get("/api/forecast?process=project-sales-funnel&orgUnit=HQ/East&period=2027-Q1&windowMonths=0");
    assertThat(window.status()).as(window.toString()).isEqualTo(400);
    assertThat(window.json().path("errors").get(0).path("message").asText())
        .isEqualTo("须在 1 到 120 个月之间 / must be between 1 and 120 months");
  }

  /** A Chinese half, then " / " and an English half with no Chinese in it, as the pages split it. */
  private static Message assertBilingual(String text) {
    Message m = Message.parse(text);
    assertThat(m.inBothLanguages()).as(text).isTrue();
    assertThat(m.zh()).as(text).containsPattern("\\p{IsHan}");
    assertThat(m.en()).as(text).doesNotContainPattern("\\p{IsHan}").doesNotContain(" / ");
    return m;
  }
}
