package io.oppflow.opportunity.internal;

import io.oppflow.opportunity.*;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface OpportunityRepository extends JpaRepository<OpportunityEntity, Long>, JpaSpecificationExecutor<OpportunityEntity>,
    OpportunityByCode {

  Optional<OpportunityEntity> findByCode(String code);

  /** A JPQL string, not a derived query, so that Hibernate interprets it once (each create and import row asks it). */
  @Query("select count(o) > 0 from Opportunity o where o.code = :code")
  boolean existsByCode(@Param("code") String code);

  /** The opportunity with its row locked (SELECT ... FOR UPDATE) until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select o from Opportunity o where o.code = :code")
  Optional<OpportunityEntity> findLockedByCode(@Param("code") String code);

  /** The open opportunities of an owner, their rows locked until the transaction ends (a bulk reassignment). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select o from Opportunity o where o.owner = :owner and o.status = io.oppflow.opportunity.OpportunityStatus.OPEN"
      + " order by o.code")
  java.util.List<OpportunityEntity> findOpenLockedByOwner(@Param("owner") String owner);
}
