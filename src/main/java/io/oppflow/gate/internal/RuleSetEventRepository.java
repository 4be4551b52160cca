package io.oppflow.gate.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RuleSetEventRepository extends JpaRepository<RuleSetEvent, Long> {

  List<RuleSetEvent> findTop100ByOrderByIdDesc();

  Optional<RuleSetEvent> findFirstByVersionAndKindOrderByIdDesc(String version, RuleSetEvent.Kind kind);
}
