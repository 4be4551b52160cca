package io.oppflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser door: a Tasklist login signs the same session in to our pages and to the API calls they make; a
 * change made with that session needs its CSRF token, so a page of another site that makes the browser post with
 * the session cookie is refused.
 */
@H2ServiceTest
class SessionDoorTests {

  private static final String EVIL = "https://evil.example";

  @LocalServerPort int port;

  /** A browser's cookie jar signed in to Tasklist, and whatever headers a request is given. */
  private final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
        throws IOException, InterruptedException {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      for (int i = 0; i + 1 < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String csrfToken() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    Browser signedInToTasklist(String user) throws IOException, InterruptedException {
      send("GET", "/camunda/app/tasklist/default/", null, null);
      HttpResponse<String> login = send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
          "application/x-www-form-urlencoded", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo",
          "X-XSRF-TOKEN", csrfToken());
      assertThat(login.statusCode()).as("Tasklist login").isEqualTo(200);
      // the login starts a new session; Tasklist's next request gets that session's CSRF token
      assertThat(send("GET", "/camunda/api/admin/auth/user/default", null, null).statusCode()).isEqualTo(200);
      return this;
    }
  }

  @Test
  void shouldReadTheApiAndThePagesWithTheTasklistLogin() throws Exception {
    Browser browser = new Browser().signedInToTasklist("manager1");

    assertThat(browser.send("GET", "/api/funnel?process=project-sales-funnel", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> me = browser.send("GET", "/pages/session", null, null, "X-Requested-With", "XMLHttpRequest");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"user\":\"manager1\"").contains(browser.csrfToken());
    assertThat(me.headers().firstValue("Cache-Control")).as("the token is never stored").hasValue("no-store");
    assertThat(browser.send("GET", "/funnel", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> script = browser.send("GET", "/pages/js/funnel.js", null, null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(script.headers().firstValue("Set-Cookie")).as("the session keeps its id: the browser's other requests use it")
        .isEmpty();
  }

  @Test
  void shouldRefuseACrossSitePostThatBringsOnlyTheSessionCookie() throws Exception {
    Browser browser = new Browser().signedInToTasklist("manager1");
    String code = Opportunities.freshCode("CSRF");
    String body = Opportunities.minimal(code).toString();

    HttpResponse<String> forged = browser.send("POST", "/api/opportunities", "application/json", body, "Origin", EVIL);
    HttpResponse<String> guessed = browser.send("POST", "/api/opportunities", "application/json", body,
        "Origin", EVIL, "X-XSRF-TOKEN", "0123456789ABCDEF0123456789ABCDEF");
    // a cross-site HTML form cannot send JSON or headers, only a form body
    HttpResponse<String> form = browser.send("POST", "/api/opportunities/" + code + "/lose",
        "application/x-www-form-urlencoded", "reason=CUSTOMER_STOPPED", "Origin", EVIL);

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("X-XSRF-TOKEN").doesNotContain("Exception");
    assertThat(guessed.statusCode()).isEqualTo(403);
    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(ApiClient.as(port, "admin").get("/api/opportunities/" + code).status()).as("nothing was opened").isEqualTo(404);
  }

  @Test
  void shouldAcceptAChangeThatSendsTheSessionsToken() throws Exception {
    Browser browser = new Browser().signedInToTasklist("manager1");
    String code = Opportunities.freshCode("SAMESITE");

    HttpResponse<String> opened = browser.send("POST", "/api/opportunities", "application/json",
        Opportunities.minimal(code).toString(), "X-XSRF-TOKEN", browser.csrfToken());

    assertThat(opened.statusCode()).isEqualTo(201);
    assertThat(ApiClient.as(port, "admin").get("/api/opportunities/" + code).json().path("owner").asText()).isEqualTo("rep1");
  }

  @Test
  void shouldEndThePagesLoginWithTasklistsLogout() throws Exception {
    Browser browser = new Browser().signedInToTasklist("manager1");
    assertThat(browser.send("POST", "/camunda/api/admin/auth/user/default/logout", null, null,
        "X-XSRF-TOKEN", browser.csrfToken()).statusCode()).isEqualTo(200);

    assertThat(browser.send("GET", "/api/funnel", null, null, "X-Requested-With", "XMLHttpRequest").statusCode()).isEqualTo(401);
    assertThat(browser.send("GET", "/funnel", null, null).statusCode()).isEqualTo(302);
  }

  @Test
  void shouldSendAnAnonymousBrowserToTasklistsSignInAndBack() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.send("GET", "/funnel?process=classic-funnel&groupBy=owner", null, null);
    HttpResponse<String> script = browser.send("GET", "/pages/session", null, null, "X-Requested-With", "XMLHttpRequest");
    HttpResponse<String> api = browser.send("GET", "/api/funnel", null, null, "X-Requested-With", "XMLHttpRequest");

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith(
        "/camunda/app/tasklist/default/?returnTo=" + URLEncoder.encode("/funnel?process=classic-funnel&groupBy=owner", StandardCharsets.UTF_8));
    assertThat(script.statusCode()).isEqualTo(401);
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate")).as("no Basic dialog for a page's script").isEmpty();
    assertThat(browser.send("GET", "/api/funnel", null, null).headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"oppflow\"");
  }
}
