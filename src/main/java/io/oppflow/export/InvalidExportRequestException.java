package io.oppflow.export;

/** The request asked for an export format we do not write. */
public class InvalidExportRequestException extends RuntimeException {

  public InvalidExportRequestException(String message) {
    super(message);
  }
}
