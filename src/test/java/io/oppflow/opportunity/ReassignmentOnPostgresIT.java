package io.oppflow.opportunity;

import io.oppflow.support.PostgresServiceTest;

/** Reassignment on a real PostgreSQL, with the production profile. */
@PostgresServiceTest
class ReassignmentOnPostgresIT extends ReassignmentContract {}
