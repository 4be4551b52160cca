package io.oppflow.tasklist;

import static io.oppflow.tasklist.GateExceptionTasklistTests.taskIdOrNull;
import static io.oppflow.tasklist.TasklistBrowser.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A project-team task (stage 4 on) in the real Tasklist: manager1 (HQ/East) finds the task of an HQ/East
 * opportunity under "Tasks I may claim", offered to them by name; the same stage task of an opportunity in
 * another unit, which has its own manager, is not in their list.
 */
@H2ServiceTest
class ProjectTeamTasklistTests {

  private static final String CLAIMABLE = "可认领的任务 / Tasks I may claim";

  @LocalServerPort int port;

  private TasklistBrowser manager;

  @AfterEach
  void closeBrowser() throws IOException {
    if (manager != null) {
      manager.close();
    }
  }

  @Test
  @Timeout(120)
  void shouldOfferTheStageTaskToTheManagerOfItsUnitOnly() throws IOException {
    String east = toProjectStage("HQ/East/Shanghai-1");
    String otherUnit = "HQ/West/T" + java.util.UUID.randomUUID().toString().substring(0, 6);
    String westManager = "mgr-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    ApiClient admin = ApiClient.as(port, "admin", "demo");
    assertThat(admin.post("/engine-rest/user/create", "{\"profile\": {\"id\": \"" + westManager + "\"},"
        + " \"credentials\": {\"password\": \"west-manager-pw\"}}").status()).isEqualTo(204);
    assertThat(admin.put("/engine-rest/group/sales-manager/members/" + westManager, "{}").status()).isEqualTo(204);
    assertThat(ApiClient.as(port, "ops1").put("/api/org-units/members/" + westManager,
        "{\"orgUnit\": \"" + otherUnit + "\"}").status()).isEqualTo(200);
    String west = toProjectStage(otherUnit);
    ApiClient rep1 = ApiClient.as(port, "rep1");
    String eastTask = waitFor(() -> taskIdOrNull(rep1, east, "Task_INITIATE_PROJECT"), "the INITIATE_PROJECT task of " + east);
    String westTask = waitFor(() -> taskIdOrNull(rep1, west, "Task_INITIATE_PROJECT"), "the INITIATE_PROJECT task of " + west);

    manager = TasklistBrowser.start(port, "manager1");
    manager.login("manager1");
    manager.pickFilter(CLAIMABLE);

    WebElement link = manager.waiting().until(d -> manager.taskLinks(eastTask).stream().findFirst().orElse(null));
    assertThat(link.getText()).contains("4 引导客户立项 · ").contains("(" + east + ")");
    assertThat(manager.taskLinks(westTask)).isEmpty();
  }

  /** A qualified opportunity of rep1 in {@code orgUnit}, opened by sales-ops, advanced to INITIATE_PROJECT (stage 4). */
  private String toProjectStage(String orgUnit) {
    ApiClient rep1 = ApiClient.as(port, "rep1");
    String code = Opportunities.freshCode("TEAM");
    // Sales-ops open it: a rep opens opportunities only in their own team (or below).
    assertThat(ApiClient.as(port, "ops1").post("/api/opportunities",
        Opportunities.qualified(code).put("owner", "rep1").put("orgUnit", orgUnit).toString()).status()).isEqualTo(201);
    assertThat(rep1.patch("/api/opportunities/" + code, Opportunities.allRemainingFacts()).status()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      if (i == 2) {  // CONFIRM_INTENT wants a meeting with a decision maker during the stage
        assertThat(rep1.post("/api/opportunities/" + code + "/activities", "{\"type\": \"MEETING\", \"date\": \""
            + java.time.LocalDate.now() + "\", \"contact\": \"王强\", \"note\": \"CIO confirmed the need\"}").status())
            .isEqualTo(201);
      }
      assertThat(rep1.post("/api/opportunities/" + code + "/advance", null).json().path("verdict").asText())
          .as("advance %d of %s", i + 1, code).isEqualTo("PASSED");
    }
    return code;
  }
}
