package io.oppflow.gate.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RuleSetVersionRepository extends JpaRepository<RuleSetVersion, String> {

  List<RuleSetVersion> findAllByOrderByCreatedAtDesc();
}
