package io.oppflow.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import io.oppflow.support.PostgresServiceTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hundreds of malformed requests — wrong types, nulls, huge and deeply nested bodies, invalid UTF-8, NUL
 * bytes, unknown sort and paging values, hostile XML, broken rule files, hostile CSV — against every
 * endpoint of our API (from {@code /v3/api-docs}) and the engine REST endpoints the sales roles use, on
 * PostgreSQL (NUL bytes and length limits are refused there, not by H2). None may answer 5xx or show a
 * stack trace, a class name or SQL.
 */
@PostgresServiceTest
class BadInputSweepIT {

  /** Requests known to answer 5xx, to fix and take out of this set; none today. */
  static final Set<String> KNOWN_OWNED_ELSEWHERE = Set.of();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PATH_VALUES = List.of("no-such-thing", "%00", "%FF%FE", "%E4%B8",
      "x".repeat(300), "1e309", "-1", "%27%20or%201%3D1--", "%3Cscript%3E");
  private static final List<String> QUERY_VALUES = List.of("abc", "-5", "99999999999999999999", "", "%00", "%FF",
      "x".repeat(2000), "2026-13-45", "%27%3B--", "true%00");
  private static final List<String> PAGING = List.of("page=-1", "size=-1", "size=0", "size=100000000", "page=abc",
      "size=abc", "sort=nosuchfield", "sort=nosuchfield,asc", "sort=%00", "sort=code,sideways", "page=99999999999");

  @LocalServerPort int port;

  private final List<String> unsafe = new ArrayList<>();
  private final List<String> acceptedSample = new ArrayList<>();
  private final Map<String, String> knownElsewhere = new LinkedHashMap<>();
  private int tried;
  private int refused;
  private int accepted;

  @Test
  void shouldAnswerEveryMalformedRequestWith4xxAndNoInternals() throws Exception {
    RawHttp rep = new RawHttp(port, "rep1", "demo");
    RawHttp ops = new RawHttp(port, "ops1", "demo");
    RawHttp admin = new RawHttp(port, "admin", PostgresServiceTest.ADMIN_PASSWORD);
    String code = Opportunities.freshCode("SWEEP");
    assertThat(ApiClient.as(port, "rep1").post("/api/opportunities", Opportunities.minimal(code).toString()).status())
        .isEqualTo(201);
    String taskId = ApiClient.as(port, "rep1").get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + code)
        .json().get(0).path("id").asText();

    ourApi(ops, rep, code);
    int apiTried = tried;
    engineRest(rep, ops, admin, taskId);
    int engineTried = tried - apiTried;
    ruleFiles(ops);
    imports(ops);

    System.out.printf("bad-input sweep (PostgreSQL): tried %d (our API %d, engine REST %d, rule files and imports %d) / "
        + "refused as expected (4xx) %d / accepted (2xx-3xx) %d / unsafe %d / known, owned elsewhere %d%n",
        tried, apiTried, engineTried, tried - apiTried - engineTried, refused, accepted, unsafe.size(), knownElsewhere.size());
    acceptedSample.forEach(a -> System.out.println("  accepted, e.g. " + a));
    unsafe.forEach(u -> System.out.println("  UNSAFE " + u));
    knownElsewhere.forEach((k, v) -> System.out.println("  KNOWN_OWNED_ELSEWHERE " + k + " -> " + v));
    assertThat(tried).isGreaterThanOrEqualTo(500);
    assertThat(unsafe).as("5xx or internals in the body").isEmpty();
  }

  private void ourApi(RawHttp ops, RawHttp rep, String code) throws Exception {
    JsonNode paths = JSON.readTree(ops.send("GET", "/v3/api-docs", null, null).body()).path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops2 = path.getValue().fields(); ops2.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops2.next();
        String method = op.getKey().toUpperCase();
        String template = path.getKey();
        String concrete = template.replace("{code}", code).replaceAll("\\{[^}]+}", "x");
        RawHttp who = template.contains("/rules") || template.contains("/imports") || template.contains("/org-units")
            || template.contains("/ideal-funnels") ? ops : rep;
        boolean sends = op.getValue().has("requestBody");
        boolean multipart = op.getValue().path("requestBody").path("content").has("multipart/form-data");
        // path parameters
        if (template.contains("{")) {
          for (String v : PATH_VALUES) {
            String p = template.replace("{code}", v).replaceAll("\\{[^}]+}", v);
            check(who, method, p, sends && !multipart ? "application/json" : null, sends && !multipart ? bytes("{}") : null);
          }
        }
        // query parameters, one bad value at a time
        for (JsonNode param : op.getValue().path("parameters")) {
          if (!"query".equals(param.path("in").asText())) {
            continue;
          }
          String name = param.path("name").asText();
          for (String v : QUERY_VALUES) {
            check(who, method, concrete + "?" + name + "=" + v, null, null);
          }
        }
        if ("GET".equals(method)) {
          for (String paging : PAGING) {
            check(who, method, concrete + "?" + paging, null, null);
          }
        }
        if (sends && !multipart) {
          String type = "PATCH".equals(method) ? "application/merge-patch+json" : "application/json";
          for (byte[] body : jsonBodies()) {
            check(who, method, concrete, type, body);
          }
          check(who, method, concrete, "text/plain", bytes("name=x"));
          check(who, method, concrete, "application/xml", bytes(ClientErrorTests.BPMN_XXE));
          RawHttp.Multipart m = RawHttp.multipart("file", "x.json", bytes("{}"));
          check(who, method, concrete, m.contentType(), m.body());
          check(who, method, concrete, "multipart/form-data", bytes("--nope\r\n\r\n"));
        }
      }
    }
  }

  private void engineRest(RawHttp rep, RawHttp ops, RawHttp admin, String taskId) {
    List<String> queries = List.of("firstResult=-5", "maxResults=-1", "maxResults=abc", "maxResults=100000000",
        "firstResult=99999999999", "sortBy=nosuch&sortOrder=asc", "sortBy=created&sortOrder=sideways", "sortBy=created",
        "processInstanceBusinessKey=%00", "dueAfter=notadate", "variables=a_eq", "processVariables=x_bad_y",
        "processInstanceBusinessKeyLike=%25%00", "candidateGroup=%27%20or%201%3D1", "firstResult=0&maxResults=0");
    for (String resource : List.of("/engine-rest/task", "/engine-rest/history/detail", "/engine-rest/history/process-instance",
        "/engine-rest/history/task", "/engine-rest/history/activity-instance", "/engine-rest/history/variable-instance",
        "/engine-rest/process-definition")) {
      for (String q : queries) {
        check(rep, "GET", resource + "?" + q, null, null);
      }
      check(rep, "GET", resource + "/count?" + queries.get(5), null, null);
    }
    WebappSession cockpit = WebappSession.signIn(port, "ops1", "demo");
    for (String resource : List.of("/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/history/detail")) {
      for (String q : queries) {
        tried++;
        record("GET " + resource + "?" + q, cockpit.get(resource + "?" + q), null);
      }
    }
    check(rep, "POST", "/engine-rest/task?firstResult=-5", "application/json", bytes("{\"sorting\": [{\"sortBy\": \"nosuch\"}]}"));
    List<byte[]> bodies = new ArrayList<>(jsonBodies());
    bodies.addAll(List.of(bytes("{\"variables\": 5}"), bytes("{\"variables\": {\"x\": {\"value\": \"a\", \"type\": \"Integer\"}}}"),
        bytes("{\"variables\": {\"x\": {\"value\": 1, \"type\": \"Nosuch\"}}}"),
        bytes("{\"variables\": {\"x\": {\"value\": \"rO0ABXQAAA==\", \"type\": \"Object\", \"valueInfo\": "
            + "{\"objectTypeName\": \"java.lang.Runtime\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}"),
        bytes("{\"variables\": {\"x\": {\"value\": \"{\\\"a\\\":1}\", \"type\": \"Json\"}}}"),
        bytes("{\"variables\": {\"stageAction\": {\"value\": \"BOGUS\"}}}"),
        bytes("{\"variables\": {\"stageAction\": {\"value\": \"A\\u0000B\"}}}"),
        bytes("{\"variables\": {\"name\": {\"value\": \"" + "n".repeat(5000) + "\"}}}"),
        bytes("{\"variables\": {\"amount\": {\"value\": \"lots\"}, \"stageAction\": {\"value\": \"ADVANCE\"}}}")));
    for (String task : List.of(taskId, "no-such-task")) {
      for (byte[] body : bodies) {
        check(rep, "POST", "/engine-rest/task/" + task + "/complete", "application/json", body);
        check(rep, "POST", "/engine-rest/task/" + task + "/submit-form", "application/json", body);
      }
      check(rep, "POST", "/engine-rest/task/" + task + "/variables", "application/json", bytes("{\"modifications\": 5}"));
      check(rep, "PUT", "/engine-rest/task/" + task + "/variables/x", "application/json", bytes("{\"value\": \"A\\u0000\"}"));
      check(rep, "PUT", "/engine-rest/task/" + task + "/variables/" + "v".repeat(300), "application/json", bytes("{\"value\": 1}"));
      check(rep, "GET", "/engine-rest/task/" + task + "/variables/nosuch", null, null);
      check(rep, "GET", "/engine-rest/task/" + task + "/form-variables?variableNames=%00", null, null);
    }
    List<byte[]> starts = new ArrayList<>(jsonBodies());
    starts.addAll(List.of(bytes("{\"businessKey\": \"" + "K".repeat(300) + "\"}"), bytes("{\"businessKey\": \"A\\u0000B\"}"),
        bytes("{\"businessKey\": 5}"), bytes("{\"variables\": {\"x\": {\"value\": \"A\\u0000B\"}}}")));
    for (RawHttp who : List.of(rep, admin)) {
      for (byte[] body : starts) {
        check(who, "POST", "/engine-rest/process-definition/key/project-sales-funnel/start", "application/json", body);
      }
      check(who, "POST", "/engine-rest/process-definition/key/no-such-process/start", "application/json", bytes("{}"));
    }
    List<String> hostile = List.of(ClientErrorTests.BPMN_XXE, ClientErrorTests.BPMN_LAUGHS, "<definitions><process id=\"b\"",
        "not xml", "", "<?xml version=\"1.0\"?><a>" + "<b>".repeat(20000), "\u0000\u0001\u0002",
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"t\"><process id=\"nottl\" "
            + "isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>");
    for (String xml : hostile) {
      RawHttp.Multipart m = RawHttp.multipart("data", "hostile.bpmn", bytes(xml), "deployment-name", "sweep");
      check(ops, "POST", "/engine-rest/deployment/create", m.contentType(), m.body());
    }
    check(ops, "POST", "/engine-rest/deployment/create", "multipart/form-data", bytes("--x\r\n"));
    check(ops, "POST", "/engine-rest/deployment/create", "application/json", bytes("{}"));
    for (String fetch : List.of("{\"workerId\": \"w\", \"maxTasks\": -1, \"topics\": [{\"topicName\": \"t\", \"lockDuration\": 1000}]}",
        "{\"workerId\": \"w\", \"maxTasks\": \"x\"}", "{\"workerId\": null, \"maxTasks\": 1, \"topics\": null}",
        "{\"workerId\": \"w\", \"maxTasks\": 1, \"topics\": [{\"topicName\": \"t\", \"lockDuration\": -1}]}",
        "{\"workerId\": \"w\", \"maxTasks\": 2147483647, \"topics\": [{\"topicName\": \"t\", \"lockDuration\": 1}]}",
        "{\"workerId\": \"w\", \"maxTasks\": 1, \"usePriority\": \"x\", \"topics\": []}", "[]", "{")) {
      check(ops, "POST", "/engine-rest/external-task/fetchAndLock", "application/json", bytes(fetch));
    }
  }

  private void ruleFiles(RawHttp ops) {
    Map<String, RawHttp.Multipart> uploads = new LinkedHashMap<>();
    uploads.put("xlsx that is not a workbook", RawHttp.multipart("files", "projectsales/bad.drl.xlsx", bytes("not a workbook")));
    uploads.put("csv without a RuleTable", RawHttp.multipart("files", "projectsales/bad.drl.csv", bytes("a,b,c\n1,2,3\n")));
    uploads.put("drl that does not parse", RawHttp.multipart("files", "projectsales/bad.drl", bytes("rule \"x\" when {{{ then end")));
    uploads.put("yaml that does not parse", RawHttp.multipart("files", "projectsales/bad.cases.yaml", bytes("::: - [")));
    uploads.put("NUL bytes", RawHttp.multipart("files", "projectsales/nul.drl", new byte[] {0, 0, 0}));
    uploads.put("wrong part name", RawHttp.multipart("file", "projectsales/x.drl", bytes("package x")));
    // the preview reads a rule set as the upload does, and is refused as it is
    for (String path : List.of("/api/rules", "/api/rules/preview")) {
      for (Map.Entry<String, RawHttp.Multipart> u : uploads.entrySet()) {
        check(ops, "POST", path, u.getValue().contentType(), u.getValue().body(), "POST " + path + " " + u.getKey());
      }
      check(ops, "POST", path, "multipart/form-data", bytes("--x\r\n"), "POST " + path + " multipart without boundary");
      check(ops, "POST", path, "multipart/form-data; boundary=abc", bytes("--xyz\r\nbroken"),
          "POST " + path + " multipart with the wrong boundary");
      check(ops, "POST", path, "multipart/form-data; boundary=abc", new byte[0], "POST " + path + " empty multipart");
    }
  }

  private void imports(RawHttp ops) {
    List<byte[]> csvs = List.of(bytes("code,name\nA\u0000B,x\n"), new byte[] {(byte) 0xC3, 0x28, ',', 'x', '\n'},
        bytes("code,name\n=cmd|' /C calc'!A0,@SUM(1)\n"), bytes("code,name\n\"unbalanced,x\n"), bytes("code,name\n"),
        bytes(""), bytes("a,".repeat(10000) + "\n"), bytes("\uFEFFgarbage\n\u0001\u0002"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, bytes("code\n" + "x".repeat(100_000) + "\n"));
    for (byte[] csv : csvs) {
      RawHttp.Multipart m = RawHttp.multipart("file", "hostile.csv", csv, "process", "project-sales-funnel");
      check(ops, "POST", "/api/imports", m.contentType(), m.body());
    }
    RawHttp.Multipart noSuchProcess = RawHttp.multipart("file", "x.csv", bytes("code\nA\n"), "process", "no-such-process");
    check(ops, "POST", "/api/imports", noSuchProcess.contentType(), noSuchProcess.body());
    RawHttp.Multipart noProcess = RawHttp.multipart("file", "x.csv", bytes("code\nA\n"));
    check(ops, "POST", "/api/imports", noProcess.contentType(), noProcess.body());
  }

  private static List<byte[]> jsonBodies() {
    List<byte[]> bodies = new ArrayList<>();
    for (String s : List.of("", "null", "[]", "\"text\"", "42", "true", "{", "{\"a\":", "}", "{}", "{\"code\": null, \"name\": null}",
        "{\"name\": 5, \"amount\": \"lots\", \"customer\": []}", "{\"unknownField\": 1}", "{\"name\": \"A\\u0000B\"}",
        "{\"amount\": 1e400}", "{\"amount\": -1, \"expectedCloseDate\": \"2026-02-30\"}",
        "{\"orgUnit\": \"" + "u".repeat(5000) + "\"}", "{\"reason\": \"\\u0000\", \"note\": null}",
        "{\"amount\": 999999999999999999999999999999}")) {
      bodies.add(bytes(s));
    }
    var nul = Opportunities.minimal(Opportunities.freshCode("NUL"));
    nul.put("name", "A\u0000B");
    bodies.add(bytes(nul.toString()));
    var longName = Opportunities.minimal(Opportunities.freshCode("LONG"));
    longName.put("name", "名".repeat(100_000));
    bodies.add(bytes(longName.toString()));
    var longCode = Opportunities.minimal("C".repeat(300));
    bodies.add(bytes(longCode.toString()));
    bodies.add(bytes("[".repeat(5000) + "]".repeat(5000)));
    bodies.add(bytes("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
    bodies.add(bytes("[" + "1,".repeat(1_500_000) + "1]"));
    bodies.add(new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, 0x28, (byte) 0xFF, '"', '}'});
    return bodies;
  }

  private void check(RawHttp who, String method, String path, String contentType, byte[] body) {
    check(who, method, path, contentType, body, null);
  }

  private void check(RawHttp who, String method, String path, String contentType, byte[] body, String knownKey) {
    tried++;
    HttpResponse<String> r = who.send(method, path, contentType, body);
    record(method + " " + abbreviate(path) + (contentType == null ? "" : " [" + abbreviate(contentType) + "]")
        + (body == null ? "" : " body " + abbreviate(new String(body, StandardCharsets.UTF_8))), r, knownKey);
  }

  private void record(String request, HttpResponse<String> r, String knownKey) {
    String responseBody = r.body() == null ? "" : r.body();
    boolean leaks = ClientErrorTests.INTERNALS.matcher(responseBody).find();
    String what = request + " -> " + r.statusCode() + " " + abbreviate(responseBody);
    if (r.statusCode() >= 500 || leaks) {
      if (knownKey != null && KNOWN_OWNED_ELSEWHERE.contains(knownKey)) {
        knownElsewhere.put(knownKey, r.statusCode() + "");
      } else {
        unsafe.add((knownKey == null ? "" : "[" + knownKey + "] ") + what);
      }
    } else if (r.statusCode() >= 400) {
      refused++;
    } else {
      accepted++;
      if (acceptedSample.size() < 25 && accepted % 8 == 1) {
        acceptedSample.add(what);
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String abbreviate(String s) {
    String flat = s.replace("\n", "\\n").replace("\r", "");
    return flat.length() > 160 ? flat.substring(0, 160) + "…(" + flat.length() + ")" : flat;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
