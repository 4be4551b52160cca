package io.oppflow.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request of the access matrix and what each identity must get for it.
 *
 * @param door {@code basic} (HTTP Basic: our API, Actuator, {@code /engine-rest}) or {@code webapp} (session + CSRF)
 * @param documented the {@code METHOD /path} of {@code /v3/api-docs} this row classifies, or null if not ours
 * @param path the path with placeholders of {@link MatrixRecords} ({@code {code}}, {@code {taskId}}, {@code {me}} ...)
 * @param changes whether the request changes something: then every cell gets its own records
 * @param secrets the records that a {@link Expect#FILTERED} answer must not show
 * @param note what tells this row from another with the same method and path, or null
 */
record PolicyRow(String door, String documented, String method, String path, String contentType, String body,
    boolean changes, List<String> secrets, String note, Map<String, Expect> expected) {

  static final List<String> IDENTITIES = List.of("anon", "rep1", "rep2", "expert1", "manager1", "manager2", "ops1", "admin");

  /** What this row tries, as it appears in reports and in the pending set. */
  String label() {
    return method + " " + path + (note == null ? "" : " (" + note + ")");
  }

  static Builder basic(String method, String path) {
    return new Builder("basic", method, path);
  }

  static Builder webapp(String method, String path) {
    return new Builder("webapp", method, path);
  }

  static final class Builder {
    private final String door;
    private final String method;
    private final String path;
    private String documented;
    private String contentType;
    private String body;
    private boolean changes;
    private List<String> secrets = List.of("processInstanceId", "taskId");
    private String note;

    Builder(String door, String method, String path) {
      this.door = door;
      this.method = method;
      this.path = path;
      this.changes = !method.equals("GET");
    }

    /** The row classifies this operation of our OpenAPI document (its path as the document spells it). */
    Builder documented(String docPath) {
      this.documented = method + " " + docPath;
      return this;
    }

    Builder json(String body) {
      return body("application/json", body);
    }

    Builder body(String contentType, String body) {
      this.contentType = contentType;
      this.body = body;
      return this;
    }

    /** A change whose records the cells may share (it leaves them as they were, or is refused anyway). */
    Builder sharedRecords() {
      this.changes = false;
      return this;
    }

    Builder note(String note) {
      this.note = note;
      return this;
    }

    Builder hides(String... names) {
      this.secrets = List.of(names);
      return this;
    }

    /**
     * The expectations, e.g. {@code "rep1=2xx rep2=403 ..."}; identities not named expect {@code anon=401}
     * for the anonymous caller and must otherwise be named.
     */
    PolicyRow expect(String spec) {
      Map<String, Expect> expected = new LinkedHashMap<>();
      expected.put("anon", Expect.UNAUTHORIZED);
      for (String cell : spec.trim().split("\\s+")) {
        String[] kv = cell.split("=", 2);
        if (!IDENTITIES.contains(kv[0])) {
          throw new IllegalArgumentException("Unknown identity " + kv[0] + " in " + spec);
        }
        expected.put(kv[0], Expect.parse(kv[1]));
      }
      if (!expected.keySet().containsAll(IDENTITIES)) {
        throw new IllegalArgumentException(method + " " + path + " does not classify every identity: " + spec);
      }
      return new PolicyRow(door, documented, method, path, contentType, body, changes, secrets, note, expected);
    }
  }
}
