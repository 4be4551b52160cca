package io.oppflow.importing.internal;

import io.oppflow.shared.NotFoundException;

/** No import job with this id. */
public class ImportJobNotFoundException extends NotFoundException {

  public ImportJobNotFoundException(String id) {
    super("Import job not found", "没有导入任务 " + id + " / No import job " + id);
  }
}
