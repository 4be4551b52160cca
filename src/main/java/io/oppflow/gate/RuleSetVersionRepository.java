package io.oppflow.gate;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleSetVersionRepository extends JpaRepository<RuleSetVersion, String> {

  List<RuleSetVersion> findAllByOrderByCreatedAtDesc();
}
