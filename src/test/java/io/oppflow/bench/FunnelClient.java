package io.oppflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.Executors;

/**
 * One client of the load: a rep with their own opportunities, over HTTP with Basic authentication as a real client.
 * Product: {@code POST /api/opportunities} with facts that pass every gate of the classic funnel, then
 * {@code POST /api/opportunities/{code}/advance}. Plain: {@code POST /engine-rest/process-definition/key/…/start} with
 * a business key, then the instance's open task from {@code GET /engine-rest/task?processInstanceId=} completed by
 * {@code POST /engine-rest/task/{id}/complete}. Each side advances one opportunity through all its stages before it
 * takes the next one it created, so both advance the same mix of stages. Any answer but the expected one stops the
 * run. Not thread-safe: one thread per client.
 */
final class FunnelClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectNode FACTS = facts();
  private final HttpClient http;
  private final String base;
  private final String user;
  private final String authorization;
  private final String prefix;
  private final int stages;
  private final Side product = new Side();
  private final Side plain = new Side();
  private int created;

  /** Opportunities of one side: created, waiting for their first advance, and the one being advanced. */
  private static final class Side {
    final Deque<String> fresh = new ArrayDeque<>();
    String current;
    int advanced;
  }

  FunnelClient(int index, String base, String user, String password, String runId, int stages) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newSingleThreadExecutor(r -> daemon(r, "bench-http-" + index))).build();
    this.base = base;
    this.user = user;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.prefix = "TP-" + runId + "-" + index + "-";
    this.stages = stages;
  }

  void productCreate() throws IOException, InterruptedException {
    String code = prefix + (++created);
    ObjectNode body = FACTS.deepCopy().put("code", code);
    expect(send(post("/api/opportunities", body.toString())), 201);
    product.fresh.add(code);
  }

  void plainCreate() throws IOException, InterruptedException {
    String code = prefix + (++created);
    String body = "{\"businessKey\":\"" + code + "\",\"variables\":{\"owner\":{\"value\":\"" + user + "\",\"type\":\"String\"}}}";
    HttpResponse<String> r = expect(send(post("/engine-rest/process-definition/key/" + PlainFunnel.KEY + "/start", body)), 200);
    plain.fresh.add(JSON.readTree(r.body()).path("id").asText());
  }

  void productAdvance() throws IOException, InterruptedException {
    String code = next(product);
    HttpResponse<String> r = expect(send(post("/api/opportunities/" + code + "/advance", "")), 200);
    JsonNode answer = JSON.readTree(r.body());
    if (!"PASSED".equals(answer.path("verdict").asText())) {
      throw new IllegalStateException("The gate of " + answer.path("gateStage") + " failed for " + code + ": " + r.body());
    }
    advanced(product);
  }

  void plainAdvance() throws IOException, InterruptedException {
    String instance = next(plain);
    JsonNode tasks = JSON.readTree(expect(send(get("/engine-rest/task?processInstanceId=" + instance)), 200).body());
    if (tasks.size() != 1) {
      throw new IllegalStateException("Plain instance " + instance + " has " + tasks.size() + " open tasks: " + tasks);
    }
    expect(send(post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", "{}")), 204);
    advanced(plain);
  }

  /** Opportunities ready for advances (created, not yet through their last stage). */
  int productStock() {
    return product.fresh.size() + (product.current == null ? 0 : 1);
  }

  int plainStock() {
    return plain.fresh.size() + (plain.current == null ? 0 : 1);
  }

  String user() {
    return user;
  }

  /** The code of the latest product opportunity and the latest plain instance, still at their first stage. */
  String lastProduct() {
    return product.fresh.peekLast();
  }

  String lastPlain() {
    return plain.fresh.peekLast();
  }

  private String next(Side side) {
    if (side.current == null) {
      side.current = side.fresh.poll();
      side.advanced = 0;
      if (side.current == null) {
        throw new IllegalStateException("No opportunity left to advance for " + user);
      }
    }
    return side.current;
  }

  private void advanced(Side side) {
    if (++side.advanced == stages) {
      side.current = null;
    }
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpRequest post(String path, String json) {
    return post(path, "application/json", json);
  }

  HttpRequest post(String path, String contentType, String body) {
    return request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  static HttpResponse<String> expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode()
          + " (expected " + status + "): " + r.body());
    }
    return r;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Facts with which an opportunity passes every gate of the classic funnel (rules/classic), without warnings. */
  private static ObjectNode facts() {
    try {
      return (ObjectNode) JSON.readTree("""
        {
          "process": "classic-funnel",
          "name": "吞吐量基准商机 / Throughput bench opportunity",
          "customer": {"name": "华东制造集团", "industry": "manufacturing", "headcount": 3200},
          "region": "East",
          "amount": 1800000,
          "currency": "CNY",
          "needs": "Replace the ageing ERP",
          "needConfirmed": true,
          "customerProjectTeam": [{"name": "王强", "title": "CIO", "decisionMaker": true}],
          "budget": {"amount": 2000000, "currency": "CNY", "status": "APPROVED"},
          "timeline": {"decisionDate": "2099-01-15", "goLiveDate": "2099-09-01"},
          "solution": {"presented": true, "proposalSubmitted": true, "acceptedInPrinciple": true},
          "vendorStatus": "SOLE",
          "expectedCloseDate": "2099-03-31",
          "contract": {"termsAgreed": true, "signed": true, "signedOn": "2026-01-10", "startDate": "2099-02-01"}
        }
        """);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
