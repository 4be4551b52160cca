package io.oppflow.gate.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Rule-set versions, activations and their audit trail in the database, shared by all nodes. */
@Component
public class RuleSetStore {

  private final RuleSetVersionRepository versions;
  private final RuleSetActivationRepository activations;
  private final RuleSetEventRepository events;
  private final Clock clock;

  RuleSetStore(RuleSetVersionRepository versions, RuleSetActivationRepository activations,
      RuleSetEventRepository events, Clock clock) {
    this.versions = versions;
    this.activations = activations;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Stores the version unless it exists (same files, same version); true if it was new. A {@code note}
   * (e.g. that the set is unrestricted DRL) joins the audit entry.
   */
  @Transactional
  public boolean store(RuleSetFiles files, int caseCount, RuleSetVersion.Source source, String actor, String note) {
    if (versions.existsById(files.version())) {
      return false;
    }
    try {
      versions.saveAndFlush(new RuleSetVersion(files, caseCount, source, actor, clock.instant()));
    } catch (DataIntegrityViolationException raced) {
      return false; // another node stored the same files at the same moment
    }
    events.save(new RuleSetEvent(RuleSetEvent.Kind.UPLOADED, files.version(), actor, clock.instant(),
        source + ": " + files.all().size() + " files, " + caseCount + " self-test cases" + (note == null ? "" : "; " + note)));
    return true;
  }

  @Transactional
  public void activate(String version, String actor, String note) {
    activations.save(new RuleSetActivation(version, actor, clock.instant()));
    events.save(new RuleSetEvent(RuleSetEvent.Kind.ACTIVATED, version, actor, clock.instant(), note));
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void refused(String version, String actor, String detail) {
    events.save(new RuleSetEvent(RuleSetEvent.Kind.REFUSED, version, actor, clock.instant(), detail));
  }

  /** Why {@code version} was refused the last time, if it was. */
  @Transactional(readOnly = true)
  public Optional<String> lastRefusal(String version) {
    return events.findFirstByVersionAndKindOrderByIdDesc(version, RuleSetEvent.Kind.REFUSED).map(RuleSetEvent::detail);
  }

  @Transactional(readOnly = true)
  public Optional<String> activeVersion() {
    return activations.findFirstByOrderByIdDesc().map(RuleSetActivation::version);
  }

  @Transactional(readOnly = true)
  public Optional<RuleSetFiles> files(String version) {
    return versions.findById(version).map(RuleSetVersion::toFiles);
  }

  @Transactional(readOnly = true)
  List<RuleSetVersionView> list() {
    String active = activeVersion().orElse(null);
    return versions.findAllByOrderByCreatedAtDesc().stream()
        .map(v -> new RuleSetVersionView(v.version(), v.version().equals(active), v.source().name(),
            v.createdBy(), v.createdAt(), v.paths(), v.caseCount(),
            activations.findByVersionOrderByIdAsc(v.version()).stream()
                .map(a -> new RuleSetVersionView.Activation(a.activatedBy(), a.activatedAt())).toList()))
        .toList();
  }

  @Transactional(readOnly = true)
  List<RuleSetVersionView.Event> recentEvents() {
    return events.findTop100ByOrderByIdDesc().stream()
        .map(e -> new RuleSetVersionView.Event(e.kind().name(), e.version(), e.actor(), e.happenedAt(), e.detail()))
        .toList();
  }
}
