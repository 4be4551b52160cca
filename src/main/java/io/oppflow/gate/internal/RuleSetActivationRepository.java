package io.oppflow.gate.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RuleSetActivationRepository extends JpaRepository<RuleSetActivation, Long> {

  Optional<RuleSetActivation> findFirstByOrderByIdDesc();

  List<RuleSetActivation> findByVersionOrderByIdAsc(String version);
}
