package io.oppflow.organization;

import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;

/** The org-unit SQL on H2: a JDBC slice, no engine, no rules. */
@JdbcTest(properties = "spring.flyway.enabled=false")
class OrgUnitSqlOnH2Tests extends OrgUnitSqlContract {}
