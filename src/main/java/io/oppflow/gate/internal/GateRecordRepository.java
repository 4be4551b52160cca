package io.oppflow.gate.internal;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Gate records are appended and read, never updated or deleted: this repository offers nothing else. */
public interface GateRecordRepository extends Repository<GateRecord, Long> {

  GateRecord save(GateRecord record);

  List<GateRecord> findByOpportunityCodeOrderByIdAsc(String opportunityCode);

  long count();

  java.util.Optional<GateRecord> findFirstByOpportunityCodeAndStageOrderByIdDesc(String opportunityCode, String stage);

  java.util.Optional<GateRecord> findFirstByOpportunityCodeOrderByIdDesc(String opportunityCode);

  java.util.Optional<GateRecord> findById(Long id);
}
