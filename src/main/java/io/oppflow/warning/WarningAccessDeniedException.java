package io.oppflow.warning;

/** The caller asked for warnings of opportunities they may not see. */
public class WarningAccessDeniedException extends RuntimeException {

  public WarningAccessDeniedException(String message) {
    super(message);
  }
}
