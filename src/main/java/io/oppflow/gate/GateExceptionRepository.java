package io.oppflow.gate;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface GateExceptionRepository extends JpaRepository<GateException, Long> {

  List<GateException> findByOpportunityCodeOrderByIdAsc(String opportunityCode);

  Optional<GateException> findFirstByProcessInstanceIdAndStatusOrderByIdDesc(String processInstanceId,
      GateException.Status status);
}
