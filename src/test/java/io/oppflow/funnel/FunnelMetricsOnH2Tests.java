package io.oppflow.funnel;

import io.oppflow.support.H2ServiceTest;

/** The funnel metrics on the embedded default database. */
@H2ServiceTest
class FunnelMetricsOnH2Tests extends FunnelMetricsContract {}
