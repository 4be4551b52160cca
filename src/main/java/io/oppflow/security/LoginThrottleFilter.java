package io.oppflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every door that checks a password passes here first: HTTP Basic on our API, Actuator and its docs
 * (checked by {@link CamundaIdentityAuthenticationProvider}), HTTP Basic on {@code /engine-rest} (Camunda's
 * {@code ProcessEngineAuthenticationFilter}) and the webapps' login form
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). A client and user that failed too often
 * get 429 with {@code Retry-After} before the password is checked; the answer of the door behind (401 or
 * not) counts as a failure or a success.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  /** Paths where a Basic header is checked (anywhere else a wrong one would pass as a "success"). */
  private static final List<String> BASIC_PATHS = List.of("/api/", "/engine-rest/", "/actuator", "/v3/api-docs",
      "/swagger-ui");
  private static final int MAX_FORM_BYTES = 16 * 1024;

  private final LoginThrottle throttle;
  private final String webappLoginPrefix;

  LoginThrottleFilter(LoginThrottle throttle, String webappPath) {
    this.throttle = throttle;
    this.webappLoginPrefix = webappPath + "/api/admin/auth/user/";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    HttpServletRequest forward = request;
    String user = null;
    if (isWebappLogin(request, path)) {
      byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES);
      forward = new ReplayedBody(request, body);
      user = formField(body, "username");
    } else if (BASIC_PATHS.stream().anyMatch(path::startsWith)) {
      user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
    }
    if (user == null) {
      chain.doFilter(forward, response);
      return;
    }
    String client = request.getRemoteAddr();
    Optional<Duration> wait = throttle.waitFor(client, user);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
      ProblemAuthenticationHandlers.write(response, HttpStatus.TOO_MANY_REQUESTS,
          "登录失败次数过多，请 " + seconds + " 秒后重试 / Too many failed logins; try again in " + seconds + " s");
      return;
    }
    chain.doFilter(forward, response);
    int status = response.getStatus();
    if (status == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(client, user);
    } else if (status >= 200 && status < 300 && !"OPTIONS".equals(request.getMethod())) {
      // Only a 2xx proves the password: a 403 may be a refused CSRF token, an OPTIONS may skip the check.
      throttle.succeeded(client, user);
    }
  }

  private boolean isWebappLogin(HttpServletRequest request, String path) {
    return "POST".equals(request.getMethod()) && path.startsWith(webappLoginPrefix) && path.contains("/login/");
  }

  private static String basicUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String formField(byte[] body, String name) {
    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return pair.substring(eq + 1);
        }
      }
    }
    return "";
  }

  /** The login form, read here to learn the user name, replayed to the webapp's login resource. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          // as the Servlet API specifies for a request that is not asynchronous: a login body is read at once
          throw new IllegalStateException("The replayed login body is read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
