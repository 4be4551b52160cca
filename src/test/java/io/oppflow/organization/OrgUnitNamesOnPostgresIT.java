package io.oppflow.organization;

import io.oppflow.support.PostgresServiceTest;

/** Org units named as people name them, on a real PostgreSQL with the production profile. */
@PostgresServiceTest
class OrgUnitNamesOnPostgresIT extends OrgUnitNamesContract {}
