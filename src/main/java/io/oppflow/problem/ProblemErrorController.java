package io.oppflow.problem;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, for failures outside our controllers (a filter, the engine REST
 * authentication, a request Tomcat refuses): problem details, never a stack trace. Failures it recognises
 * (the database unavailable: 503 with {@code Retry-After}) get their status; {@code GET /error} asked for
 * directly is 404.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden  // the servlet container's error page, not an operation of the API
class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping(value = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
      MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Throwable thrown = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (thrown != null) {
      var known = Failures.classify(thrown);
      if (known.isPresent()) {
        return ProblemDetailsAdvice.respond(known.get());
      }
      log.error("Unexpected error outside the controllers", thrown);
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i) : HttpStatus.NOT_FOUND;
    if (thrown != null && status.is2xxSuccessful()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String detail = status.is5xxServerError() ? EngineRestErrors.UNEXPECTED
        : status == HttpStatus.NOT_FOUND ? "没有此资源 / No such resource" : status.getReasonPhrase();
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(status.getReasonPhrase());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  /**
   * The same for a browser (the webapps' pages): the page {@code static/error/<status>.html} where there is
   * one (403: which role may open which app), else a plain page with the status and the safe detail.
   */
  @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> errorPage(HttpServletRequest request) throws IOException {
    ResponseEntity<ProblemDetail> problem = error(request);
    int status = problem.getStatusCode().value();
    ClassPathResource page = new ClassPathResource("static/error/" + status + ".html");
    String html = page.exists() ? page.getContentAsString(StandardCharsets.UTF_8)
        : "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + status + "</title></head><body><h1>"
            + status + "</h1><p>" + HtmlUtils.htmlEscape(String.valueOf(problem.getBody().getDetail())) + "</p></body></html>";
    return ResponseEntity.status(status).headers(problem.getHeaders())
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
  }
}
