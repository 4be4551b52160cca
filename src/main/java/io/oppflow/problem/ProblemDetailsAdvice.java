package io.oppflow.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.oppflow.compliance.ComplianceAccessDeniedException;
import io.oppflow.compliance.InvalidComplianceRequestException;
import io.oppflow.export.InvalidExportRequestException;
import io.oppflow.funnel.FunnelAccessDeniedException;
import io.oppflow.funnel.InvalidFunnelRequestException;
import io.oppflow.gate.GateEvaluationException;
import io.oppflow.gate.GateExceptionNotFoundException;
import io.oppflow.gate.GateExceptionStateException;
import io.oppflow.gate.InvalidRuleUploadException;
import io.oppflow.gate.RuleChangeForbiddenException;
import io.oppflow.gate.RuleSetNotFoundException;
import io.oppflow.gate.RuleSetRejectedException;
import io.oppflow.importing.ImportForbiddenException;
import io.oppflow.importing.ImportJobNotFoundException;
import io.oppflow.opportunity.InvalidOpportunityException;
import io.oppflow.opportunity.OpportunityAccessDeniedException;
import io.oppflow.opportunity.OpportunityClosedException;
import io.oppflow.opportunity.OpportunityConflictException;
import io.oppflow.opportunity.OpportunityNotFoundException;
import io.oppflow.planning.FunnelCalculationException;
import io.oppflow.planning.IdealFunnelNotFoundException;
import io.oppflow.warning.InvalidWarningQueryException;
import io.oppflow.warning.WarningAccessDeniedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns the modules' named exceptions into problem details with the right status. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(InvalidOpportunityException.class)
  ProblemDetail invalid(InvalidOpportunityException e) {
    return validation(e.errors());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return validation(List.of(new InvalidOpportunityException.FieldError(e.getName(),
        "'" + e.getValue() + "' is not an accepted value")));
  }

  @ExceptionHandler(OpportunityNotFoundException.class)
  ProblemDetail notFound(OpportunityNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Opportunity not found", e.getMessage());
  }

  @ExceptionHandler(OpportunityAccessDeniedException.class)
  ProblemDetail forbidden(OpportunityAccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", "You may not access this opportunity");
  }

  /** A role that may not do this; the exception's message says what the role may do instead. */
  @ExceptionHandler({RuleChangeForbiddenException.class, WarningAccessDeniedException.class,
      FunnelAccessDeniedException.class, ImportForbiddenException.class, ComplianceAccessDeniedException.class})
  ProblemDetail roleForbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler({OpportunityConflictException.class, OpportunityClosedException.class})
  ProblemDetail conflict(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler({ConcurrencyFailureException.class, OptimisticLockingException.class})
  ProblemDetail concurrentChange(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "Concurrent change",
        "Someone else changed this opportunity at the same time; read it again and retry");
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
    // a value too long or a NUL byte is the client's (400); a duplicate is a conflict (409)
    return respond(Failures.classify(e).orElse(Failure.of(HttpStatus.CONFLICT, "Conflict",
        "The change collides with existing data (e.g. a code in use)")));
  }

  @ExceptionHandler(GateEvaluationException.class)
  ProblemDetail gateFailed(GateEvaluationException e) {
    log.error("Stage gate evaluation failed", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Stage gate could not be evaluated",
        e.getMessage() + ". Nothing was changed; sales operations must fix the rule.");
  }

  @ExceptionHandler(RuleSetRejectedException.class)
  ProblemDetail rulesRejected(RuleSetRejectedException e) {
    ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Rule set refused", e.getMessage());
    p.setProperty("errors", e.problems().stream().map(pr -> {
      Map<String, Object> error = new java.util.LinkedHashMap<>();
      error.put("file", pr.file());
      if (pr.line() != null) {
        error.put("line", pr.line());
      }
      if (pr.testCase() != null) {
        error.put("case", pr.testCase());
      }
      if (pr.rule() != null) {
        error.put("rule", pr.rule());
      }
      if (pr.construct() != null) {
        error.put("construct", pr.construct());
      }
      error.put("message", pr.message());
      return error;
    }).toList());
    return p;
  }

  @ExceptionHandler(GateExceptionNotFoundException.class)
  ProblemDetail exceptionNotFound(GateExceptionNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Gate exception not found", e.getMessage());
  }

  @ExceptionHandler(GateExceptionStateException.class)
  ProblemDetail exceptionState(GateExceptionStateException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(RuleSetNotFoundException.class)
  ProblemDetail ruleSetNotFound(RuleSetNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Rule set not found", e.getMessage());
  }

  @ExceptionHandler(InvalidRuleUploadException.class)
  ProblemDetail invalidUpload(InvalidRuleUploadException e) {
    return validation(List.of(new InvalidOpportunityException.FieldError(e.field(), e.getMessage())));
  }

  /** A multipart body that cannot be parsed (no boundary, cut off): the client's mistake, never a 500. */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableUpload(MultipartException e) {
    log.info("Unreadable multipart request: {}", e.getMessage());
    return problem(HttpStatus.BAD_REQUEST, "Unreadable upload",
        "上传内容不是可读取的 multipart/form-data 请求 / The request is not a readable multipart/form-data body");
  }

  @ExceptionHandler(InvalidExportRequestException.class)
  ProblemDetail invalidExport(InvalidExportRequestException e) {
    return validation(List.of(new InvalidOpportunityException.FieldError("format", e.getMessage())));
  }

  @ExceptionHandler(InvalidComplianceRequestException.class)
  ProblemDetail invalidComplianceRequest(InvalidComplianceRequestException e) {
    return validation(List.of(new InvalidOpportunityException.FieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(InvalidWarningQueryException.class)
  ProblemDetail invalidWarningQuery(InvalidWarningQueryException e) {
    return validation(List.of(new InvalidOpportunityException.FieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(InvalidFunnelRequestException.class)
  ProblemDetail invalidFunnelRequest(InvalidFunnelRequestException e) {
    return validation(e.errors().stream().map(err -> new InvalidOpportunityException.FieldError(err.field(), err.message())).toList());
  }

  @ExceptionHandler(IdealFunnelNotFoundException.class)
  ProblemDetail idealFunnelNotFound(IdealFunnelNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Ideal funnel not found", e.getMessage());
  }

  @ExceptionHandler(FunnelCalculationException.class)
  ProblemDetail funnelCalculation(FunnelCalculationException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Funnel cannot be calculated", e.getMessage());
  }

  @ExceptionHandler(ImportJobNotFoundException.class)
  ProblemDetail importNotFound(ImportJobNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Import job not found", e.getMessage());
  }

  /** An unknown {@code sort} property: 400 naming the parameter, not a query that fails. */
  @ExceptionHandler(PropertyReferenceException.class)
  ProblemDetail unknownSort(PropertyReferenceException e) {
    return validation(List.of(new InvalidOpportunityException.FieldError("sort",
        "'" + e.getPropertyName() + "' is not a property to sort by")));
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
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "An unexpected error occurred; it has been logged"));
  }

  /** A failure as problem details, with {@code Retry-After} when the client should come back later. */
  static ResponseEntity<ProblemDetail> respond(Failure f) {
    ProblemDetail p = problem(f.status(), f.title(), f.detail());
    if (!f.errors().isEmpty()) {
      p.setProperty("errors", f.errors().stream().map(err -> Map.of("field", err.field(), "message", err.message())).toList());
    }
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
      body = validation(List.of(new InvalidOpportunityException.FieldError(path(u), "is not a known field")));
    } else if (e.getCause() instanceof InvalidFormatException f) {
      body = validation(List.of(new InvalidOpportunityException.FieldError(path(f), "'" + f.getValue() + "' is not accepted")));
    } else if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      body = validation(List.of(new InvalidOpportunityException.FieldError(path(m), "has the wrong type")));
    } else {
      body = problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The request body is missing or is not valid JSON");
    }
    return ResponseEntity.badRequest().body(body);
  }

  private static ProblemDetail validation(List<InvalidOpportunityException.FieldError> errors) {
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
