package io.oppflow.organization;

import org.springframework.data.jpa.repository.JpaRepository;

interface SalesMemberRepository extends JpaRepository<SalesMember, String> {}
