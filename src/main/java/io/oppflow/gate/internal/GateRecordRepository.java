package io.oppflow.gate.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Gate records are appended and read, never updated or deleted: this repository offers nothing else. The look-ups
 * of every stage task's creation are JPQL strings rather than derived queries: Hibernate caches the interpretation
 * of a query string, while a derived query is a criteria query, interpreted again on every call.
 */
public interface GateRecordRepository extends Repository<GateRecord, Long> {

  GateRecord save(GateRecord record);

  @Query("select r from GateRecord r where r.opportunityCode = :code order by r.id")
  List<GateRecord> findByOpportunityCodeOrderByIdAsc(@Param("code") String opportunityCode);

  long count();

  /** The opportunity's latest record for this stage. */
  @Query("select r from GateRecord r where r.id = (select max(g.id) from GateRecord g"
      + " where g.opportunityCode = :code and g.stage = :stage)")
  Optional<GateRecord> latestOf(@Param("code") String opportunityCode, @Param("stage") String stage);

  /** The opportunity's latest record, whichever stage it was for. */
  @Query("select r from GateRecord r where r.id = (select max(g.id) from GateRecord g where g.opportunityCode = :code)")
  Optional<GateRecord> latestOf(@Param("code") String opportunityCode);

  Optional<GateRecord> findById(Long id);
}
