package io.oppflow.problem;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Signed in to the webapps as their login page does (session cookie + CSRF token), to call their engine API. */
final class WebappSession {

  private final int port;
  private final HttpClient browser;
  private final String csrfToken;

  private WebappSession(int port, HttpClient browser, String csrfToken) {
    this.port = port;
    this.browser = browser;
    this.csrfToken = csrfToken;
  }

  static WebappSession signIn(int port, String user, String password) {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    WebappSession anonymous = new WebappSession(port, browser, "");
    anonymous.send("GET", "/camunda/api/engine/engine/", null);
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    WebappSession session = new WebappSession(port, browser, token);
    HttpResponse<String> login = session.send("POST", "/camunda/api/admin/auth/user/default/login/cockpit",
        "username=" + user + "&password=" + password);
    if (login.statusCode() != 200) {
      throw new IllegalStateException("webapp login of " + user + ": " + login.statusCode() + " " + login.body());
    }
    return session;
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  private HttpResponse<String> send(String method, String path, String form) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json").header("X-XSRF-TOKEN", csrfToken);
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
    }
    b.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
    try {
      return browser.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
