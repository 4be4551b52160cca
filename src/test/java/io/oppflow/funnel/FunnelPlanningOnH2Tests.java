package io.oppflow.funnel;

import io.oppflow.support.H2ServiceTest;

/** Ideal funnel, comparison and reverse calculation on the embedded default database. */
@H2ServiceTest
class FunnelPlanningOnH2Tests extends FunnelPlanningContract {}
