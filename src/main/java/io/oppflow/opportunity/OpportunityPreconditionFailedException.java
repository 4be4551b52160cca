package io.oppflow.opportunity;

import io.oppflow.shared.FieldError;
import io.oppflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** {@code If-Match} named a version the opportunity has moved past: 412, with the current version. */
public class OpportunityPreconditionFailedException extends ProblemException {

  OpportunityPreconditionFailedException(String code, long expected, long current) {
    super(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
        "商机 " + code + " 已被修改（版本 " + current + "，请求基于 " + expected + "）/ Opportunity " + code
            + " was changed meanwhile (version " + current + ", If-Match had " + expected + "); read it again",
        List.of(new FieldError("If-Match", "请求基于版本 " + expected + "，当前版本 " + current
            + " / expected version " + expected + ", current " + current)), null);
  }
}
