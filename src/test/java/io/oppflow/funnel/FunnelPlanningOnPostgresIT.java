package io.oppflow.funnel;

import io.oppflow.support.PostgresServiceTest;

/** Ideal funnel, comparison and reverse calculation on a real PostgreSQL, with the production profile. */
@PostgresServiceTest
class FunnelPlanningOnPostgresIT extends FunnelPlanningContract {}
