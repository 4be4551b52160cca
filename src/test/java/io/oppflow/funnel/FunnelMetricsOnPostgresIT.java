package io.oppflow.funnel;

import io.oppflow.support.PostgresServiceTest;

/** The funnel metrics on a real PostgreSQL, with the production profile. */
@PostgresServiceTest
class FunnelMetricsOnPostgresIT extends FunnelMetricsContract {}
