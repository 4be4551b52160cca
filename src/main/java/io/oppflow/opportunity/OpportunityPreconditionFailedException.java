package io.oppflow.opportunity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** {@code If-Match} named a version the opportunity has moved past: 412, with the current version. */
public class OpportunityPreconditionFailedException extends ErrorResponseException {

  OpportunityPreconditionFailedException(String code, long expected, long current) {
    super(HttpStatus.PRECONDITION_FAILED, problem(code, expected, current), null);
  }

  private static ProblemDetail problem(String code, long expected, long current) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
        "商机 " + code + " 已被修改（版本 " + current + "，请求基于 " + expected + "）/ Opportunity " + code
            + " was changed meanwhile (version " + current + ", If-Match had " + expected + "); read it again");
    p.setTitle("Precondition failed");
    p.setProperty("errors", java.util.List.of(java.util.Map.of("field", "If-Match",
        "message", "expected version " + expected + ", current " + current)));
    return p;
  }
}
