package io.oppflow.opportunity.internal;

import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReassignmentRepository extends JpaRepository<ReassignmentEntity, Long> {

  /** A JPQL string, not a derived query, so that Hibernate interprets it once. */
  @Query("select r from Reassignment r where r.opportunityCode = :code order by r.id")
  List<ReassignmentEntity> findByOpportunityCodeOrderByIdAsc(@Param("code") String opportunityCode);
}
