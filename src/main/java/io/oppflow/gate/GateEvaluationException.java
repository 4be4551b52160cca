package io.oppflow.gate;

/** A rule failed while it was being evaluated; the gate decided nothing and nothing changed. */
public class GateEvaluationException extends RuntimeException {

  public GateEvaluationException(String process, String stage, Throwable cause) {
    super("The rules of gate " + process + "/" + stage + " failed while evaluating: " + rootMessage(cause), cause);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
