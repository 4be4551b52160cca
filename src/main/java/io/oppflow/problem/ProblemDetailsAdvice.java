package io.oppflow.problem;

import io.oppflow.shared.FieldError;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns the modules' named exceptions into problem details with the right status. */
/**
 * The API's generic answers: the modules' refusals carry their own status and problem detail (Spring's
 * {@code ErrorResponse}, handled by the base class, or wrapped by an engine command, unwrapped here by
 * {@link Failures}); here are only the framework's failures (unreadable JSON, a wrong parameter type,
 * a database constraint) and the last resort, which never shows what failed inside.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return validation(List.of(new FieldError(e.getName(),
        "'" + e.getValue() + "' 不是可接受的值 / '" + e.getValue() + "' is not an accepted value")));
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
    // a value too long or a NUL byte is the client's (400); a duplicate is a conflict (409)
    return respond(Failures.classify(e).orElse(Failure.of(HttpStatus.CONFLICT, "Conflict",
        Failures.COLLIDES)));
  }

  /** A multipart body that cannot be parsed (no boundary, cut off): the client's mistake, never a 500. */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableUpload(MultipartException e) {
    log.info("Unreadable multipart request: {}", e.getMessage());
    return problem(HttpStatus.BAD_REQUEST, "Unreadable upload",
        "上传内容不是可读取的 multipart/form-data 请求 / The request is not a readable multipart/form-data body");
  }

  /** An unknown {@code sort} property: 400 naming the parameter, not a query that fails. */
  @ExceptionHandler(PropertyReferenceException.class)
  ProblemDetail unknownSort(PropertyReferenceException e) {
    return validation(List.of(new FieldError("sort",
        "'" + e.getPropertyName() + "' 不是可排序的属性 / '" + e.getPropertyName() + "' is not a property to sort by")));
  }

  /** A broken multipart body (no boundary, cut short): the client's error. Too large stays 413 (the base class). */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    // Engine calls wrap our exceptions; answer for the cause we know, never with the wrapper's details.
    Optional<Failure> known = Failures.classify(e);
    if (known.isPresent()) {
      if (known.get().status() == HttpStatus.SERVICE_UNAVAILABLE) {
        log.warn("Database unavailable: {}", e.toString());
      } else if (known.get().status().is5xxServerError()) {
        log.error(known.get().title(), e);
      }
      return respond(known.get());
    }
    log.error("Unexpected error", e);
    return ResponseEntity.internalServerError()
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", EngineRestErrors.UNEXPECTED));
  }

  /** A refusal with a 5xx status (a rule that failed to evaluate) is logged with its cause. */
  @Override
  protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (status.is5xxServerError()) {
      log.error(e.getBody().getTitle(), e);
    }
    return super.handleErrorResponseException(e, headers, status, request);
  }

  /** A failure as problem details, with {@code Retry-After} when the client should come back later. */
  static ResponseEntity<ProblemDetail> respond(Failure f) {
    ProblemDetail p = problem(f.status(), f.title(), f.detail());
    if (f.errors() != null) {
      p.setProperty("errors", f.errors());
    }
    f.properties().forEach(p::setProperty);
    ResponseEntity.BodyBuilder b = ResponseEntity.status(f.status());
    if (f.retryAfterSeconds() != null) {
      b.header(HttpHeaders.RETRY_AFTER, String.valueOf(f.retryAfterSeconds()));
    }
    return b.body(p);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body;
    if (e.getCause() instanceof UnrecognizedPropertyException u) {
      body = validation(List.of(new FieldError(path(u), "不是已知字段 / is not a known field")));
    } else if (e.getCause() instanceof InvalidFormatException f) {
      body = validation(List.of(new FieldError(path(f), "'" + f.getValue() + "' 不被接受 / '" + f.getValue() + "' is not accepted")));
    } else if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      body = validation(List.of(new FieldError(path(m), "类型不对 / has the wrong type")));
    } else {
      body = problem(HttpStatus.BAD_REQUEST, "Unreadable request", "请求体缺失或不是有效的 JSON / "
          + "The request body is missing or is not valid JSON");
    }
    return ResponseEntity.badRequest().body(body);
  }

  private static ProblemDetail validation(List<FieldError> errors) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request",
        errors.isEmpty() ? "Invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
    p.setProperty("errors", errors.stream().map(err -> Map.of("field", err.field(), "message", err.message())).toList());
    return p;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    return p;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "$" : path.toString();
  }
}
