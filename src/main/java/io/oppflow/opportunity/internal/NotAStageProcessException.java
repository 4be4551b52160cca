package io.oppflow.opportunity.internal;

import io.oppflow.opportunity.*;

import io.oppflow.shared.FieldError;
import io.oppflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The process named for an opportunity is deployed but has no stages: it could run, but the opportunity
 * would sit outside every funnel and gate. 422, naming the field.
 */
public class NotAStageProcessException extends ProblemException {

  public NotAStageProcessException(String processKey) {
    this(processKey, "流程 '" + processKey + "' 不是阶段流程（没有带 stageCode 的阶段），不能承载商机 / process '"
        + processKey + "' is not a stage process (no stage with a stageCode): it cannot carry opportunities");
  }

  private NotAStageProcessException(String processKey, String message) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "Not a stage process", "process: " + message,
        List.of(new FieldError("process", message)), null);
  }
}
