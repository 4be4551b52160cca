package io.oppflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.oppflow.support.H2ServiceTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords are slowed at every door that checks one (429 + Retry-After per client and user), and the
 * owner still gets in soon after an attack stops. The shared test context sets a short max-delay (2 s).
 */
@H2ServiceTest
class LoginThrottleTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "Right-Passw0rd";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired LoginThrottle throttle;
  @Autowired ProcessEngineConfigurationImpl engine;

  @AfterEach
  void forgetFailures() {
    throttle.clear();
  }

  @Test
  void shouldThrottleFiftyWrongPasswordsAndLetTheOwnerInWithinAMinuteAfterwards() throws Exception {
    String owner = user("throttle-owner");
    int unauthorized = 0;
    int throttled = 0;
    for (int i = 0; i < 50; i++) {
      HttpResponse<String> r = send(basic("/api/opportunities?size=1", owner, "wrong-" + i));
      if (r.statusCode() == 429) {
        throttled++;
        assertThat(r.headers().firstValue("Retry-After")).as("Retry-After").hasValueSatisfying(
            v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
        assertThat(r.body()).contains("\"status\":429").contains("Too many failed logins");
      } else {
        assertThat(r.statusCode()).isEqualTo(401);
        unauthorized++;
      }
    }
    assertThat(unauthorized).as("wrong passwords that reached the password check").isBetween(5, 20);
    assertThat(throttled).as("wrong passwords answered 429 before any check").isGreaterThanOrEqualTo(30);

    Instant attackStopped = Instant.now();
    await("the owner's right password to be let in after the attack").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> send(basic("/api/opportunities?size=1", owner, PASSWORD)).statusCode(), status -> status == 200);
    Duration waited = Duration.between(attackStopped, Instant.now());
    System.out.printf("login throttle: 50 wrong -> %d x 401, %d x 429; owner signed in %d ms after the attack%n",
        unauthorized, throttled, waited.toMillis());
  }

  @Test
  void shouldNeverLetCamundaLockAUserForGoodAndKeepItsLockShort() {
    // after loginMaxAttempts Camunda locks a user until an admin unlocks it: an attacker could do that to anyone
    assertThat(engine.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(engine.getLoginDelayBase()).isEqualTo(1);
    assertThat(engine.getLoginDelayFactor()).isEqualTo(2);
    assertThat(engine.getLoginDelayMaxTime()).isEqualTo(10);
    assertThat(engine.getQueryMaxResultsLimit()).isEqualTo(2000);
  }

  @Test
  void shouldThrottleWrongPasswordsOnEngineRest() throws Exception {
    String user = user("throttle-rest");
    HttpResponse<String> last = null;
    for (int i = 0; i < 6; i++) {
      last = send(basic("/engine-rest/task?maxResults=1", user, "wrong"));
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void shouldThrottleWrongPasswordsOnTheWebappLogin() throws Exception {
    String user = user("throttle-web");
    HttpResponse<String> first = webappLogin(user, "wrong");
    assertThat(first.statusCode()).isEqualTo(401);
    HttpResponse<String> last = first;
    for (int i = 0; i < 5; i++) {
      last = webappLogin(user, "wrong");
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void shouldLetTheWebappLoginThroughWithTheRightPassword() throws Exception {
    String user = user("throttle-web-ok");
    assertThat(webappLogin(user, PASSWORD).statusCode()).isEqualTo(200);
  }

  private String user(String prefix) {
    String id = prefix + "-" + System.nanoTime();
    var u = identity.newUser(id);
    u.setPassword(PASSWORD);
    identity.saveUser(u);
    identity.createMembership(id, "sales-rep");
    return id;
  }

  private HttpRequest basic(String path, String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + token).header("Accept", "application/json").GET().build();
  }

  /** The webapps' login as its page does it: read the engines (which sets the CSRF cookie), then post the form. */
  private HttpResponse<String> webappLogin(String user, String password) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/engine/engine/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
