package io.oppflow.opportunity.internal;

import io.oppflow.opportunity.*;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface ActivityRepository extends Repository<ActivityEntity, Long> {

  ActivityEntity save(ActivityEntity activity);

  List<ActivityEntity> findByOpportunityCodeOrderByIdAsc(String opportunityCode);
}
