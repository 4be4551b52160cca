package io.oppflow.problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A bare HTTP client for sending what a well-behaved client never would: raw bytes, any content type. */
final class RawHttp {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final int port;
  private final String authorization;

  RawHttp(int port, String user, String password) {
    this.port = port;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends; the path must already be percent-encoded where needed. */
  HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60)).header("Authorization", authorization).header("Accept", "application/json");
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A multipart/form-data body with one file part and plain fields. */
  static Multipart multipart(String part, String fileName, byte[] content, String... fields) {
    String boundary = "sweep" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  record Multipart(String contentType, byte[] body) {}
}
