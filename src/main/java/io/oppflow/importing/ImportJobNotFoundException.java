package io.oppflow.importing;

/** No import job with this id. */
public class ImportJobNotFoundException extends RuntimeException {

  public ImportJobNotFoundException(String id) {
    super("No import job " + id);
  }
}
