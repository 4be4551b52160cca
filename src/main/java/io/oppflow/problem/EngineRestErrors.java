package io.oppflow.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.xml.sax.SAXException;
import org.slf4j.LoggerFactory;

/**
 * The one error mapper of {@code /engine-rest} and the webapps' engine API (it replaces Camunda's own):
 * keeps Camunda's error {@code type} and status, answers our domain exceptions thrown inside engine
 * commands (listeners, delegates) with their status and message, an unreachable database with 503 and
 * {@code Retry-After}, and never shows SQL, class names or stack traces in {@code message}.
 */
final class EngineRestErrors implements ExceptionMapper<Throwable> {

  private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

  static final String UNEXPECTED = "发生意外错误，已记录 / An unexpected error occurred; it has been logged";
  private static final String UNSAFE_DETAIL = "请求无法处理 / The request cannot be processed";
  static final String NOT_YOUR_TASK = "此任务不由您办理：只有它的办理人或候选人可以认领和完成 / "
      + "This task is not yours to work on: only its assignee or candidates may claim and complete it";
  private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:java|javax|jakarta|org|com|io|net)\\.(?:[a-z0-9_]+\\.)+([A-Za-z0-9_$]+)");
  private static final Pattern UNSAFE = Pattern.compile(
      "(?is)insert\\s+into|select\\s|update\\s+\\w+\\s+set|delete\\s+from|ERROR:\\s|SQLSTATE|###|\\bat\\s+[\\w$.]+\\(|Exception:|\\bnested exception\\b");
  private static final int MAX_MESSAGE = 500;

  @Override
  public Response toResponse(Throwable thrown) {
    var known = Failures.classify(thrown);
    if (known.isPresent()) {
      return fromFailure(known.get(), thrown);
    }
    Throwable t = thrown instanceof JsonProcessingException json
        ? new InvalidRequestException(Response.Status.BAD_REQUEST, json,
            "请求体不是有效的 JSON 或字段类型错误 / The request body is not valid JSON or a field has the wrong type")
        : thrown;
    Response camunda = ExceptionHandlerHelper.getInstance().getResponse(t);
    int status = camunda.getStatus();
    Object entity = camunda.getEntity();
    Integer clientStatus = status >= 500 ? clientErrorWrapped(t) : null;
    if (clientStatus != null) {
      status = clientStatus;
    }
    if (entity instanceof ExceptionDto dto) {
      if (status >= 500) {
        log.error("Engine REST request failed", thrown);
        dto.setMessage(UNEXPECTED);
      } else if (t instanceof AuthorizationException refused && onTask(refused)) {
        dto.setMessage(NOT_YOUR_TASK);
      } else {
        dto.setMessage(safe(dto.getMessage()));
      }
    }
    return Response.fromResponse(camunda).status(status).build();
  }

  /**
   * A refusal to work on a task (claim, complete, assign) is what a rep meets in Tasklist on a task they may only
   * read, e.g. the approval of their own exception request: said in their words, not as Camunda's list of
   * permissions (which stays in {@code missingAuthorizations} for clients).
   */
  private static boolean onTask(AuthorizationException refused) {
    return refused.getMissingAuthorizations().stream().anyMatch(m -> "Task".equals(m.getResourceType()));
  }

  /** Camunda's REST resources wrap a client's mistake (an unknown task, a null argument) as a 500. */
  private static Integer clientErrorWrapped(Throwable thrown) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof NotFoundException) {
        return 404;
      }
      if (t instanceof NullValueException) {
        String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("cannot find") || m.contains("not found") || m.contains("no task") ? 404 : 400;
      }
      // a BPMN that does not parse (malformed, a DOCTYPE, an entity bomb) is the sender's
      if (t instanceof BadUserRequestException || t instanceof ParseException || t instanceof ModelException
          || t instanceof SAXException || failedArgumentCheck(t)) {
        return 400;
      }
    }
    return null;
  }

  /**
   * The engine checks a request's arguments with {@code EnsureUtil} ("maxResults is not greater than or equal
   * to 0") and throws a plain {@code ProcessEngineException}: the argument is the client's.
   */
  private static boolean failedArgumentCheck(Throwable t) {
    // EnsureUtil builds its exception by reflection: look past the constructor frames
    StackTraceElement[] stack = t.getStackTrace();
    for (int i = 0; i < Math.min(stack.length, 8); i++) {
      if (stack[i].getClassName().equals("org.camunda.bpm.engine.impl.util.EnsureUtil")) {
        return true;
      }
    }
    return false;
  }

  /** A message without SQL or stack traces, with class names cut to their simple name. */
  static String safe(String message) {
    if (message == null || message.isBlank()) {
      return UNSAFE_DETAIL;
    }
    if (UNSAFE.matcher(message).find()) {
      return UNSAFE_DETAIL;
    }
    String simple = CLASS_NAME.matcher(message).replaceAll("$1");
    return simple.length() > MAX_MESSAGE ? simple.substring(0, MAX_MESSAGE) + "…" : simple;
  }

  private static Response fromFailure(Failure f, Throwable thrown) {
    if (f.status() == org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE) {
      log.warn("Database unavailable: {}", thrown.toString());
    } else if (f.status().is5xxServerError()) {
      log.error(f.title(), thrown);
    }
    FailureDto dto = new FailureDto();
    dto.setType(f.status() == org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE ? "ServiceUnavailable" : typeOf(thrown, f));
    dto.setMessage(f.detail());
    dto.errors = f.errors();
    dto.properties = f.properties();
    Response.ResponseBuilder b = Response.status(f.status().value()).type(MediaType.APPLICATION_JSON_TYPE).entity(dto);
    if (f.retryAfterSeconds() != null) {
      b.header("Retry-After", f.retryAfterSeconds());
    }
    return b.build();
  }

  /** The simple name of the domain exception that decided, as Camunda names its own error types. */
  private static String typeOf(Throwable thrown, Failure f) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (t.getClass().getName().startsWith("io.oppflow.")) {
        return t.getClass().getSimpleName();
      }
    }
    return f.status().is4xxClientError() ? "InvalidRequestException" : "ProcessEngineException";
  }

  /**
   * Camunda's error body plus, for a domain refusal, the fields at fault and its other problem properties (e.g. the
   * {@code choices} of a process not named), as our API's problem details carry them.
   */
  static final class FailureDto extends ExceptionDto {
    Object errors;
    Map<String, Object> properties = Map.of();

    public Object getErrors() {
      return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> getProperties() {
      return properties;
    }
  }
}
