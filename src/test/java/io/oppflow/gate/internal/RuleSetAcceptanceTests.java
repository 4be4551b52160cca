package io.oppflow.gate.internal;

import io.oppflow.gate.ActiveRules;
import io.oppflow.gate.DeployedGates;
import io.oppflow.gate.RuleSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import io.oppflow.shared.Message;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import io.oppflow.support.ShippedRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One acceptance check at every door: upload, activation of a stored version, the rule folder at start-up,
 * and a node following the database. A gate without rules fails; unrestricted DRL needs the switch and an
 * administrator.
 */
@H2ServiceTest
@ExtendWith(ShippedRules.class)
class RuleSetAcceptanceTests {

  /** Outside the allowlist (a static call in a condition) yet harmless: what an administrator might let in. */
  private static final String UNRESTRICTED_BUT_HARMLESS = RuleSetCheckerTests.rule("TARGET-95 unrestricted",
      "Opportunity( region == String.valueOf( \"Atlantis\" ) )",
      "insert( Finding.warning( \"TARGET-95\", \"中\", \"en\" ) );");

  /** Writes the mark whenever the TARGET gate is evaluated, e.g. by the self-tests of target.cases.yaml. */
  private static final String WRITES_WHEN_EVALUATED = RuleSetCheckerTests.rule("TARGET-96 writes a file", "",
      "java.nio.file.Files.writeString( java.nio.file.Path.of( \"" + RuleSetCheckerTests.MARK + "\" ), \"ran\" );");

  private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), Optional.empty());

  @LocalServerPort int port;
  @Autowired ActiveRules activeRules;
  @Autowired RuleSetStore store;
  @Autowired DeployedGates deployedGates;
  @Autowired RuleSetAcceptance acceptance;
  private String originalVersion;

  @BeforeEach
  void rememberTheActiveVersion() throws IOException {
    originalVersion = ShippedRules.version();
    Files.deleteIfExists(RuleSetCheckerTests.MARK);
  }

  @AfterEach
  void restoreTheFolderReport() throws IOException {
    Files.deleteIfExists(RuleSetCheckerTests.MARK);
    activeRules.loadFolder(Path.of("rules"));  // ShippedRules restores the active version
  }

  @Test
  void shouldRefuseToActivateAStoredVersionThatLeavesAGateDeployedNowWithoutRules() {
    Map<String, byte[]> files = shipped();
    // NEGOTIATE's criteria are all rows of the project-sales decision table
    files.put("projectsales/criteria.drl.csv", new String(files.get("projectsales/criteria.drl.csv"), StandardCharsets.UTF_8)
        .lines().filter(row -> !row.contains(",NEGOTIATE,")).collect(Collectors.joining("\n", "", "\n"))
        .getBytes(StandardCharsets.UTF_8));
    files.remove("projectsales/negotiate.cases.yaml");
    RuleSetFiles older = new RuleSetFiles(files);
    store.store(older, 0, RuleSetVersion.Source.UPLOAD, "ops1", null); // as if stored before NEGOTIATE was deployed

    ApiClient.Response refused = ApiClient.as(port, "ops1").post("/api/rules/" + older.version() + "/activate", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("errors").findValuesAsText("message"))
        .anySatisfy(m -> assertThat(m).contains("project-sales-funnel").contains("NEGOTIATE"));
    assertThat(refused.json().path("errors").findValuesAsText("construct")).contains("uncovered-gate");
    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
    assertThat(store.lastRefusal(older.version())).hasValueSatisfying(d -> {
      assertThat(Message.parse(d).zh()).as("on the record in both languages").contains("个已部署的关卡没有规则", "project-sales-funnel/NEGOTIATE");
      assertThat(Message.parse(d).en()).contains("deployed gates without rules", "project-sales-funnel/NEGOTIATE");
    });
  }

  @Test
  void shouldKeepTheDatabaseVersionWhenTheRuleFolderAtStartUpLeavesAGateUncoveredAndSayWhyOnHealth(@TempDir Path folder)
      throws IOException {
    Map<String, byte[]> files = shipped();
    // NEGOTIATE's criteria are all rows of the project-sales decision table
    files.put("projectsales/criteria.drl.csv", new String(files.get("projectsales/criteria.drl.csv"), StandardCharsets.UTF_8)
        .lines().filter(row -> !row.contains(",NEGOTIATE,")).collect(Collectors.joining("\n", "", "\n"))
        .getBytes(StandardCharsets.UTF_8));
    files.remove("projectsales/negotiate.cases.yaml");
    write(folder, files);

    activeRules.loadFolder(folder);

    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
    assertThat(activeRules.folderReport().outcome()).isEqualTo("REFUSED");
    JsonNode rules = ApiClient.as(port, "admin").get("/actuator/health").json().path("components").path("rules");
    assertThat(rules.path("status").asText()).isEqualTo("UP");
    assertThat(rules.path("details").path("activeVersion").asText()).isEqualTo(originalVersion);
    assertThat(rules.path("details").path("ruleFolder").path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(rules.path("details").path("ruleFolder").path("problems").toString()).contains("project-sales-funnel", "NEGOTIATE");
    JsonNode anonymous = ApiClient.anonymous(port).get("/actuator/health").json();
    assertThat(anonymous.path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).as("anonymous health is status only").isFalse();
    assertThat(ApiClient.as(port, "rep1").get("/actuator/health").json().has("components")).isFalse();
  }

  @Test
  void shouldRefuseAHostileRuleFolderAtStartUpBeforeItRuns(@TempDir Path folder) throws IOException {
    Map<String, byte[]> files = shipped();
    files.put("projectsales/target_hostile.drl", WRITES_WHEN_EVALUATED.getBytes(StandardCharsets.UTF_8));
    write(folder, files);

    activeRules.loadFolder(folder);

    assertThat(Files.exists(RuleSetCheckerTests.MARK)).isFalse();
    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
    assertThat(activeRules.folderReport().problems()).anySatisfy(p ->
        assertThat(p).contains("projectsales/target_hostile.drl", "TARGET-96 writes a file", "static-call"));
  }

  @Test
  void shouldRunAHostileRuleOnlyWhenTheSwitchIsOnAndAnAdministratorUploadsIt() throws IOException {
    RuleSetFiles hostile = new RuleSetFiles(with("projectsales/target_hostile.drl", WRITES_WHEN_EVALUATED));
    RuleSetAcceptance switchedOn = new RuleSetAcceptance(store, deployedGates, true, new RuleFolderHeadStart());

    assertThatThrownBy(() -> acceptance.accept(hostile, "admin", true)).as("switch off: not even for an admin")
        .isInstanceOf(RuleSetRejectedException.class);
    assertThatThrownBy(() -> switchedOn.accept(hostile, "ops1", false)).as("switch on: never for sales-ops")
        .isInstanceOf(RuleSetRejectedException.class);
    assertThat(Files.exists(RuleSetCheckerTests.MARK)).isFalse();

    RuleSetAcceptance.Accepted accepted = switchedOn.accept(hostile, "admin", true);

    // The same file does run once it is let in: the refusals above are what kept it from running.
    assertThat(Files.exists(RuleSetCheckerTests.MARK)).as("the self-tests ran the unrestricted rule").isTrue();
    assertThat(accepted.unrestricted()).extracting(RuleSetChecker.Violation::construct).contains("static-call");
  }

  @Test
  void shouldPutEveryUnrestrictedUploadOnTheRecord() {
    RuleSetService withSwitchOn = new RuleSetService(store, activeRules, new RuleSetAcceptance(store, deployedGates, true, new RuleFolderHeadStart()));

    RuleSetVersionView uploaded = withSwitchOn.upload(new RuleSetFiles(with("projectsales/target_unrestricted.drl",
        UNRESTRICTED_BUT_HARMLESS)), ADMIN);

    assertThat(uploaded.active()).isTrue();
    assertThat(store.recentEvents()).filteredOn(e -> e.version().equals(uploaded.version()))
        .extracting(RuleSetVersionView.Event::kind,
            e -> e.detail() != null && e.detail().contains("UNRESTRICTED DRL") && e.detail().contains("String.valueOf"))
        .contains(org.assertj.core.groups.Tuple.tuple("UPLOADED", true), org.assertj.core.groups.Tuple.tuple("ACTIVATED", true));
  }

  @Test
  void shouldFailAndRecordEveryGateWhileNoRuleSetServes() {
    RuleSet serving = activeRules.current();
    String code = Opportunities.freshCode("NORULES");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    rep1.post("/api/opportunities", Opportunities.minimal(code).toString());
    try {
      activeRules.use(RuleSet.none());

      JsonNode verdict = rep1.post("/api/opportunities/" + code + "/advance", null).json();

      assertThat(verdict.path("verdict").asText()).isEqualTo("FAILED");
      assertThat(verdict.path("failures").findValuesAsText("code")).containsExactly("GATE-NO-RULES");
      assertThat(verdict.path("failures").get(0).path("blocking").asBoolean()).isTrue();
      assertThat(verdict.path("failures").get(0).path("message").path("zh").asText()).isNotBlank();
      JsonNode record = rep1.get("/api/opportunities/" + code + "/gate-records").json().get(0);
      assertThat(record.path("verdict").asText()).isEqualTo("FAILED");
      assertThat(record.path("failures").findValuesAsText("code")).containsExactly("GATE-NO-RULES");
      assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).as("OUT_OF_SERVICE").isEqualTo(503);
    } finally {
      activeRules.use(serving);
    }
    assertThat(rep1.get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("TARGET");
  }

  @Test
  void shouldRefuseToFollowADatabaseVersionOutsideTheAllowlistWhenTheSwitchIsOff() {
    RuleSetFiles unrestricted = new RuleSetFiles(with("projectsales/target_followed.drl", UNRESTRICTED_BUT_HARMLESS));
    store.store(unrestricted, 0, RuleSetVersion.Source.UPLOAD, "admin", null);
    store.activate(unrestricted.version(), "admin@node-2", null); // what a node with the switch on leaves behind

    activeRules.refresh();

    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
    assertThat(activeRules.notFollowed().version()).isEqualTo(unrestricted.version());
    assertThat(activeRules.notFollowed().problems()).anySatisfy(p -> assertThat(p).contains("static-call"));
    store.activate(originalVersion, "ops1", null);
    activeRules.refresh();
    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
  }

  private static Map<String, byte[]> shipped() {
    return new TreeMap<>(RuleFiles.read(Path.of("rules")).all());
  }

  private static Map<String, byte[]> with(String path, String drl) {
    Map<String, byte[]> files = shipped();
    files.put(path, drl.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private static void write(Path folder, Map<String, byte[]> files) throws IOException {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }
}
