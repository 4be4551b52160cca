package io.oppflow.opportunity.internal;

import java.util.Optional;

/**
 * The opportunity of a code by its natural id: within one transaction, every look-up after the first (the row lock,
 * the gate, each listener of the stage process) is answered from the persistence context, without SQL.
 */
public interface OpportunityByCode {

  Optional<OpportunityEntity> byNaturalCode(String code);
}
