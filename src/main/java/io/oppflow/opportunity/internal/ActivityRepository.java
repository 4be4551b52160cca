package io.oppflow.opportunity.internal;

import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;
import io.oppflow.opportunity.*;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface ActivityRepository extends Repository<ActivityEntity, Long> {

  ActivityEntity save(ActivityEntity activity);

  /** A JPQL string, not a derived query, so that Hibernate interprets it once (every stage gate reads it). */
  @Query("select a from Activity a where a.opportunityCode = :code order by a.id")
  List<ActivityEntity> findByOpportunityCodeOrderByIdAsc(@Param("code") String opportunityCode);
}
