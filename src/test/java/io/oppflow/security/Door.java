package io.oppflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One identity at one kind of door: HTTP Basic (our API, {@code /engine-rest}) or a signed-in webapp
 * session (cookie plus Camunda's CSRF token, as Tasklist and Cockpit send them), or nobody.
 */
final class Door {

  /** Answer of one request: status and body. */
  record Answer(int status, String body) {}

  private final String base;
  private final String basic;
  private final HttpClient http;
  private final CookieManager cookies;

  private Door(int port, String basic, CookieManager cookies) {
    this.base = "http://localhost:" + port;
    this.basic = basic;
    this.cookies = cookies;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    this.http = (cookies == null ? b : b.cookieHandler(cookies)).build();
  }

  static Door anonymous(int port) {
    return new Door(port, null, null);
  }

  static Door basic(int port, String user, String password) {
    return new Door(port, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8)), null);
  }

  /** A webapp session; signed in to {@code app} if a user is given (else anonymous, with a CSRF token only). */
  static Door webapp(int port, String user, String password, String app) {
    Door door = new Door(port, null, new CookieManager());
    door.send("GET", "/camunda/app/tasklist/default/", null, null); // Camunda sets XSRF-TOKEN on the first page
    if (user != null) {
      door.login(user, password, app);
    }
    return door;
  }

  /** Signs the session in to a webapp; the status tells whether the user may open it. */
  int login(String user, String password, String app) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send("POST", "/camunda/api/admin/auth/user/default/login/" + app, "application/x-www-form-urlencoded", form).status();
  }

  Answer send(String method, String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        // the app pages as a browser asks for them, everything else as the apps' scripts and API clients do
        .header("Accept", path.startsWith("/camunda/app/") ? "text/html,application/xhtml+xml,*/*;q=0.8" : "application/json, */*;q=0.8")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (basic != null) {
      b.header("Authorization", basic);
    }
    String csrf = csrfToken();
    if (csrf != null) {
      b.header("X-XSRF-TOKEN", csrf);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String csrfToken() {
    if (cookies == null) {
      return null;
    }
    return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }
}
