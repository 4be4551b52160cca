package io.oppflow.gate.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GateExceptionRepository extends JpaRepository<GateException, Long> {

  List<GateException> findByOpportunityCodeOrderByIdAsc(String opportunityCode);

  Optional<GateException> findFirstByProcessInstanceIdAndStatusOrderByIdDesc(String processInstanceId,
      io.oppflow.gate.GateExceptionStatus status);
}
