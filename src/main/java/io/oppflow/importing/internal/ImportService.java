package io.oppflow.importing.internal;

import io.oppflow.importing.ImportJobView;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.organization.Actor;
import io.oppflow.shared.Refusals;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Starts CSV imports of past opportunities and reports on them. Checks what can be checked at once
 * (who asks, the process, the header) and leaves the rows to the background job.
 */
@Service
public class ImportService {

  private final StageCatalog catalog;
  private final ImportJobs jobs;
  private final ImportRunner runner;
  private final Clock clock;

  ImportService(StageCatalog catalog, ImportJobs jobs, ImportRunner runner, Clock clock) {
    this.catalog = catalog;
    this.jobs = jobs;
    this.runner = runner;
    this.clock = clock;
  }

  /**
   * Starts importing the CSV file into the stage process {@code processKey}.
   *
   * @return the id of the import job
   */
  public String start(byte[] csv, String fileName, String processKey, Actor actor) {
    if (!actor.seesEverything()) {
      throw new ImportForbiddenException(actor.userId());
    }
    if (processKey == null || processKey.isBlank()) {
      throw InvalidRequestException.of("process", "请填写要导入的阶段流程的键 / required: the key of the stage process to import into");
    }
    List<StageDefinition> stages = catalog.stagesOf(processKey);
    if (stages.isEmpty()) {
      throw InvalidRequestException.of("process", Refusals.noStageProcess(processKey));
    }
    List<CsvReader.CsvRecord> records;
    try {
      records = CsvReader.read(csv);
    } catch (CsvReader.UnreadableCsvException e) {
      throw InvalidRequestException.of("file", e.getMessage());
    }
    if (records.isEmpty()) {
      throw InvalidRequestException.of("file", "文件为空：第一行须为列名 / is empty: the first row must name the columns");
    }
    ImportColumns columns;
    try {
      columns = ImportColumns.of(records.get(0).fields(), stages.stream().map(StageDefinition::code).toList());
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("file", e.getMessage());
    }
    String id = UUID.randomUUID().toString();
    jobs.create(id, processKey, fileName, actor.userId(), clock.instant());
    runner.submit(id, columns, records.subList(1, records.size()), processKey, stages);
    return id;
  }

  /** The job, if the actor may see it (whoever may import). */
  public ImportJobView job(String id, Actor actor) {
    if (!actor.seesEverything()) {
      throw new ImportForbiddenException(actor.userId());
    }
    return jobs.find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
  }
}
