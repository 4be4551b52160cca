package io.oppflow.funnel;

import io.oppflow.organization.Actor;
import io.oppflow.organization.SalesScope;
import io.oppflow.shared.ForbiddenException;
import io.oppflow.shared.InvalidRequestException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployed stage processes, and the one place that decides which process a reading means (funnel,
 * forecast, back-test, planning, opening an opportunity). There is no silent default: a caller that names no
 * process gets the only deployed stage process if there is just one; with several, a 400 naming
 * {@code process} whose problem lists the keys to choose from ({@code choices}), so a user of one process
 * never reads another's zeros unawares. A process that is named but not deployed is refused the same way.
 *
 * <p>What the pages preselect ({@link #suggestedFor}) is another matter, and only a suggestion they then send
 * explicitly: the process most of the opportunities in view run in (a tie goes to
 * {@code oppflow.default-process}, then to the first by key); with none in view {@code oppflow.default-process}
 * if deployed, else the first by key.
 */
@Service
public class StageProcesses {

  private static final Logger log = LoggerFactory.getLogger(StageProcesses.class);

  private final StageCatalog catalog;
  private final ProcessUsage usage;
  private final String configured;

  StageProcesses(StageCatalog catalog, ProcessUsage usage, StageProcessProperties properties) {
    this.catalog = catalog;
    this.usage = usage;
    this.configured = properties.defaultProcess() == null || properties.defaultProcess().isBlank()
        ? null : properties.defaultProcess().strip();
  }

  /** The latest version of every deployed stage process, ordered by key. */
  public List<StageProcess> all() {
    return catalog.processes();
  }

  /**
   * The process a reading or a new opportunity is about: {@code requested} if given, else the only deployed
   * stage process.
   *
   * @throws InvalidRequestException naming {@code process}, with the deployed keys as {@code choices}, if the
   *     requested process is not a deployed stage process, or none is requested and there is not exactly one
   */
  @Transactional(readOnly = true)
  public String resolve(String requested) {
    List<String> keys = keys();
    if (requested != null && !requested.isBlank()) {
      String key = requested.strip();
      if (!keys.contains(key)) {
        throw choose(keys, "没有键为 '" + key + "' 的已部署阶段流程，请从 " + keys + " 中选择 / "
            + "no deployed stage process has the key '" + key + "'; choose one of " + keys);
      }
      return key;
    }
    if (keys.size() == 1) {
      return keys.get(0);
    }
    throw choose(keys, keys.isEmpty() ? "尚未部署任何阶段流程 / no stage process is deployed"
        : "请选择阶段流程：已部署 " + keys.size() + " 个，请从 " + keys + " 中选择一个 / required: " + keys.size()
            + " stage processes are deployed; choose one of " + keys);
  }

  /**
   * The same as {@link #resolve(String)}, for callers that hold a view: the org unit and owner in view do not
   * pick a process (they did once; the readings kept their signature).
   */
  public String resolve(String requested, String orgUnit, String owner) {
    return resolve(requested);
  }

  private List<String> keys() {
    return all().stream().map(StageProcess::key).toList();
  }

  private static InvalidRequestException choose(List<String> keys, String message) {
    InvalidRequestException refused = InvalidRequestException.of("process", message);
    refused.getBody().setProperty("choices", keys);
    return refused;
  }

  /**
   * The process a page preselects for what the actor may see as a whole: the one most of the opportunities in
   * view run in (see the class comment); null if no stage process is deployed. Never used unasked by an API.
   */
  @Transactional(readOnly = true)
  public String suggestedFor(Actor actor) {
    List<String> keys = keys();
    if (keys.isEmpty()) {
      return null;
    }
    SalesScope scope = SalesScope.of(actor, null, null, ForbiddenException::new);
    Map<String, Long> counts = usage.count(scope.orgUnit().orElse(null), scope.owner().orElse(null));
    Optional<String> mostUsed = keys.stream().filter(k -> counts.getOrDefault(k, 0L) > 0)
        .min(Comparator.<String>comparingLong(k -> -counts.get(k)).thenComparing(k -> !k.equals(configured))
            .thenComparingInt(keys::indexOf));
    return mostUsed.orElseGet(() -> configuredOr(keys));
  }

  private String configuredOr(List<String> keys) {
    if (configured != null && keys.contains(configured)) {
      return configured;
    }
    if (configured != null) {
      log.warn("oppflow.default-process '{}' is not a deployed stage process; suggesting '{}'", configured, keys.get(0));
    }
    return keys.get(0);
  }
}
