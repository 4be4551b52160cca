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
 * The deployed stage processes, and the one place that decides which process a reading means when the
 * caller names none (funnel, forecast, planning, opening an opportunity). The default process is, in order:
 * <ol>
 *   <li>the process most of the opportunities in view run in (the caller's own for a rep, their org unit's
 *       for a manager, all for experts and sales-ops, narrowed by the org unit or owner asked for), so a
 *       team that sells with the classic funnel sees the classic funnel, not an empty one; a tie goes to
 *       {@code oppflow.default-process}, then to the first in key order;</li>
 *   <li>with no opportunities in view: {@code oppflow.default-process}, if it names a deployed stage process;</li>
 *   <li>else the first stage process by key.</li>
 * </ol>
 * A process that is named but not deployed is refused: 400 naming {@code process}.
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
   * The process a reading is about: {@code requested} if given (it must be a deployed stage process), else
   * the default for the opportunities in view.
   *
   * @param orgUnit the org unit subtree in view, null for every unit
   * @param owner the owner in view, null for every owner
   */
  @Transactional(readOnly = true)
  public String resolve(String requested, String orgUnit, String owner) {
    List<String> keys = all().stream().map(StageProcess::key).toList();
    if (requested != null && !requested.isBlank()) {
      String key = requested.strip();
      if (!keys.contains(key)) {
        throw InvalidRequestException.of("process", "no deployed stage process has the key '" + key + "'");
      }
      return key;
    }
    if (keys.isEmpty()) {
      throw InvalidRequestException.of("process", "no stage process is deployed");
    }
    Map<String, Long> counts = usage.count(orgUnit, owner);
    Optional<String> mostUsed = keys.stream().filter(k -> counts.getOrDefault(k, 0L) > 0)
        .min(Comparator.<String>comparingLong(k -> -counts.get(k)).thenComparing(k -> !k.equals(configured))
            .thenComparingInt(keys::indexOf));
    return mostUsed.orElseGet(() -> configuredOr(keys));
  }

  /** The default for what the actor may see as a whole (as a reading without orgUnit and owner would). */
  @Transactional(readOnly = true)
  public String defaultFor(Actor actor) {
    SalesScope scope = SalesScope.of(actor, null, null, ForbiddenException::new);
    return resolve(null, scope.orgUnit().orElse(null), scope.owner().orElse(null));
  }

  private String configuredOr(List<String> keys) {
    if (configured != null && keys.contains(configured)) {
      return configured;
    }
    if (configured != null) {
      log.warn("oppflow.default-process '{}' is not a deployed stage process; defaulting to '{}'", configured, keys.get(0));
    }
    return keys.get(0);
  }
}
