package io.oppflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** A real HTTP client for the running service, signed in as one user (or anonymous). */
public final class ApiClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String authorization;

  private ApiClient(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient("http://localhost:" + port, null);
  }

  public static ApiClient as(int port, String user, String password) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ApiClient("http://localhost:" + port, "Basic " + basic);
  }

  /** A demo user (password "demo"). */
  public static ApiClient as(int port, String user) {
    return as(port, user, "demo");
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response get(String path, String accept) {
    return send(request(path).setHeader("Accept", accept).GET());
  }

  public Response post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  /** A JSON POST with extra headers, given as name, value, name, value ... */
  public Response post(String path, String json, String... headers) {
    HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A multipart/form-data POST with one file part named "data", as Camunda Modeler deploys. */
  public Response postMultipart(String path, String fileName, String content) {
    String boundary = "oppflow" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + fileName
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A multipart/form-data POST of several files, each in a part named {@code part}, filename = its path. */
  public Response postFiles(String path, String part, java.util.Map<String, byte[]> files) {
    String boundary = "oppflow" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    files.forEach((name, content) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A multipart/form-data POST of one file (in part {@code part}) and plain form fields. */
  public Response postForm(String path, String part, String fileName, byte[] content, java.util.Map<String, String> fields) {
    String boundary = "oppflow" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A POST of a body exactly as given, e.g. a malformed multipart request. */
  public Response postRaw(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response patch(String path, String json, String... headers) {
    HttpRequest.Builder b = request(path).header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  /** A GET whose body is binary (an XLSX export); fails unless the status is 200. */
  public byte[] getBytes(String path, String accept) {
    try {
      HttpResponse<byte[]> r = HTTP.send(request(path).setHeader("Accept", accept).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new AssertionError("GET " + path + " gave " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
      }
      return r.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), r.headers().allValues("ETag"), r.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, raw body, body as JSON (missing if not JSON), ETag and content type. */
  public record Response(int status, String body, List<String> etags, String contentType) {

    public JsonNode json() {
      try {
        return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
      } catch (IOException e) {
        return MissingNode.getInstance();
      }
    }

    public String etag() {
      return etags.isEmpty() ? null : etags.get(0);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
