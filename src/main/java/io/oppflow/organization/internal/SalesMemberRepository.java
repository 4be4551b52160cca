package io.oppflow.organization.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SalesMemberRepository extends JpaRepository<SalesMember, String> {}
