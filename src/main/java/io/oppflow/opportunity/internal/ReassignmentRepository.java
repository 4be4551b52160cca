package io.oppflow.opportunity.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReassignmentRepository extends JpaRepository<ReassignmentEntity, Long> {

  List<ReassignmentEntity> findByOpportunityCodeOrderByIdAsc(String opportunityCode);
}
