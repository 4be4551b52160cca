package io.oppflow.gate;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleSetEventRepository extends JpaRepository<RuleSetEvent, Long> {

  List<RuleSetEvent> findTop100ByOrderByIdDesc();
}
