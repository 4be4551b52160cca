package io.oppflow.opportunity.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hibernate.Session;

/** Spring Data's fragment of {@link OpportunityRepository}: Hibernate's natural-id look-up. */
class OpportunityByCodeImpl implements OpportunityByCode {

  @PersistenceContext
  private EntityManager entities;

  @Override
  public Optional<OpportunityEntity> byNaturalCode(String code) {
    return entities.unwrap(Session.class).bySimpleNaturalId(OpportunityEntity.class).loadOptional(code);
  }
}
