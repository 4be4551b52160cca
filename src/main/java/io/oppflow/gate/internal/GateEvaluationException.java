package io.oppflow.gate.internal;

import io.oppflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A rule failed while it was being evaluated; the gate decided nothing and nothing changed. 500: the rules' fault. */
public class GateEvaluationException extends ProblemException {

  public GateEvaluationException(String process, String stage, Throwable cause) {
    super(HttpStatus.INTERNAL_SERVER_ERROR, "Stage gate could not be evaluated",
        "关卡 " + process + "/" + stage + " 的规则在评估时出错，未做任何更改，请销售运营修正规则 / "
            + "The rules of gate " + process + "/" + stage + " failed while evaluating: " + rootMessage(cause)
            + ". Nothing was changed; sales operations must fix the rule.", List.of(), cause);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
