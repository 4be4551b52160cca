package io.oppflow.organization.internal;

import java.util.List;
import java.util.Collection;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SalesMemberRepository extends JpaRepository<SalesMember, String>, JpaSpecificationExecutor<SalesMember> {

  /** As {@code findAllById}, as a JPQL string that Hibernate interprets once (every manager's task asks it). */
  @Query("select m from SalesMember m where m.userId in :ids")
  List<SalesMember> findMembers(@Param("ids") Collection<String> userIds);
}
