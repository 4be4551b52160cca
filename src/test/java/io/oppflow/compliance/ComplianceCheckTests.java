package io.oppflow.compliance;

import io.oppflow.compliance.internal.ComplianceCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** The scheduled compliance check: it runs on the configured cron and publishes its result as metrics. */
@H2ServiceTest
class ComplianceCheckTests {

  @LocalServerPort int port;
  @Autowired ComplianceCheck check;
  @Autowired ScheduledTaskHolder scheduled;

  @Test
  void shouldBeScheduledOnTheConfiguredCron() {
    assertThat(scheduled.getScheduledTasks())
        .anySatisfy(t -> {
          assertThat(t.getTask()).isInstanceOf(CronTask.class);
          assertThat(((CronTask) t.getTask()).getExpression()).isEqualTo("0 0 3 29 2 *");
          assertThat(t.getTask().getRunnable().toString()).contains("ComplianceCheck.scheduled");
        });
  }

  @Test
  void shouldPublishTheChainStateAndTheViolationCountAsPrometheusMetrics() {
    // a bypass of our own, so the count is not zero
    ApiClient rep = ApiClient.as(port, "rep1");
    String code = io.oppflow.support.Opportunities.freshCode("CHK");
    rep.post("/api/opportunities", io.oppflow.support.Opportunities.minimal(code).toString());
    String instance = rep.get("/api/opportunities/" + code).json().path("processInstanceId").asText();
    assertThat(ApiClient.as(port, "admin", "demo").post("/engine-rest/process-instance/" + instance + "/modification",
        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Stage_TARGET\"},"
            + " {\"type\": \"startBeforeActivity\", \"activityId\": \"Stage_DISCOVER\"}]}").status()).isEqualTo(204);

    ComplianceCheck.Result result = check.run();

    assertThat(result.chain().valid()).isTrue();
    assertThat(result.violations()).isPositive();
    String metrics = ApiClient.as(port, "ops1").get("/actuator/prometheus", "text/plain").body();
    assertThat(gauge(metrics, "oppflow_audit_chain_valid")).isEqualTo(1.0);
    assertThat(gauge(metrics, "oppflow_audit_chain_records")).isEqualTo(result.chain().checked());
    assertThat(gauge(metrics, "oppflow_compliance_violations")).isEqualTo(result.violations());
    assertThat(gauge(metrics, "oppflow_compliance_check_last_seconds")).isPositive();
  }

  private static double gauge(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
    assertThat(m.find()).as(name + " in\n" + metrics).isTrue();
    return Double.parseDouble(m.group(2));
  }
}
