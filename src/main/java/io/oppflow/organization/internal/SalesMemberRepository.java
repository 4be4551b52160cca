package io.oppflow.organization.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SalesMemberRepository extends JpaRepository<SalesMember, String>, JpaSpecificationExecutor<SalesMember> {}
