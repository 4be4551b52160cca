package io.oppflow.process.adapter;

import io.oppflow.funnel.ProcessDiagrams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** The BPMN resource of a process's latest deployed definition, read through the repository. */
@Component
public class DeployedProcessDiagrams implements ProcessDiagrams {

  private final RepositoryService repository;

  DeployedProcessDiagrams(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public Optional<String> latestDiagram(String processKey) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    if (latest == null) {
      return Optional.empty();
    }
    try (InputStream model = repository.getProcessModel(latest.getId())) {
      return Optional.of(new String(model.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable BPMN of " + latest.getId(), e);
    }
  }
}
