package io.oppflow.process.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the stage processes and their forms from {@code processes/} with names relative to that
 * folder, so starting the service from anywhere deploys the same resources; unchanged resources make
 * no new version. Without the folder (the Docker image) the copy packaged in the jar is deployed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProcessDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
  static final String DEPLOYMENT_NAME = "oppflow-processes";

  private final RepositoryService repository;
  private final Path folder;

  ProcessDeployer(RepositoryService repository, @Value("${oppflow.processes-dir:processes}") Path folder) {
    this.repository = repository;
    this.folder = folder;
  }

  @Override
  public void run(ApplicationArguments args) {
    Map<String, byte[]> resources = Files.isDirectory(folder) ? fromFolder() : fromClasspath();
    DeploymentBuilder deployment = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("processes/")
        .enableDuplicateFiltering(true);
    resources.forEach((name, bytes) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
    var result = deployment.deployWithResult();
    log.info("Stage processes deployed: {} resources, {} new process definitions",
        resources.size(), result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size());
  }

  private Map<String, byte[]> fromFolder() {
    Map<String, byte[]> resources = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.filter(Files::isRegularFile).filter(ProcessDeployer::isDeployable).toList()) {
        resources.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + folder, e);
    }
    return resources;
  }

  private static Map<String, byte[]> fromClasspath() {
    Map<String, byte[]> resources = new TreeMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*")) {
        String url = r.getURL().toString();
        String name = url.substring(url.lastIndexOf("/processes/") + "/processes/".length());
        if (r.isReadable() && isDeployable(Path.of(name))) {
          resources.put(name, r.getInputStream().readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read packaged processes", e);
    }
    return resources;
  }

  private static boolean isDeployable(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".bpmn") || name.endsWith(".form") || name.endsWith(".dmn");
  }
}
