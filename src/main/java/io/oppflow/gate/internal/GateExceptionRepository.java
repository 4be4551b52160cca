package io.oppflow.gate.internal;

import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GateExceptionRepository extends JpaRepository<GateException, Long> {

  /** A JPQL string, not a derived query, so that Hibernate interprets it once (a failed gate's task reads it). */
  @Query("select e from GateException e where e.opportunityCode = :code order by e.id")
  List<GateException> findByOpportunityCodeOrderByIdAsc(@Param("code") String opportunityCode);

  Optional<GateException> findFirstByProcessInstanceIdAndStatusOrderByIdDesc(String processInstanceId,
      io.oppflow.gate.GateExceptionStatus status);
}
