package io.oppflow.gate.internal;

import io.oppflow.gate.GateException;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GateExceptionRepository extends JpaRepository<GateException, Long> {

  List<GateException> findByOpportunityCodeOrderByIdAsc(String opportunityCode);

  Optional<GateException> findFirstByProcessInstanceIdAndStatusOrderByIdDesc(String processInstanceId,
      GateException.Status status);
}
