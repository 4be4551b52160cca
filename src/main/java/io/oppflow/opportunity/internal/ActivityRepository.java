package io.oppflow.opportunity.internal;

import io.oppflow.opportunity.*;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface ActivityRepository extends Repository<Activity, Long> {

  Activity save(Activity activity);

  List<Activity> findByOpportunityCodeOrderByIdAsc(String opportunityCode);
}
