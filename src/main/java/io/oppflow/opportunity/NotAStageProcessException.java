package io.oppflow.opportunity;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The process named for an opportunity is deployed but has no stages: it could run, but the opportunity
 * would sit outside every funnel and gate. 422, naming the field.
 */
class NotAStageProcessException extends ErrorResponseException {

  NotAStageProcessException(String processKey) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, problem(processKey), null);
  }

  private static ProblemDetail problem(String processKey) {
    String message = "流程 '" + processKey + "' 不是阶段流程（没有带 stageCode 的阶段），不能承载商机 / process '"
        + processKey + "' is not a stage process (no stage with a stageCode): it cannot carry opportunities";
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "process: " + message);
    p.setTitle("Not a stage process");
    p.setProperty("errors", List.of(Map.of("field", "process", "message", message)));
    return p;
  }
}
