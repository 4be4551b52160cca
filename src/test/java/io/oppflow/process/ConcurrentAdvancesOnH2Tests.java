package io.oppflow.process;

import io.oppflow.support.H2ServiceTest;

/** Concurrent advances on the embedded default database. */
@H2ServiceTest
class ConcurrentAdvancesOnH2Tests extends ConcurrentAdvancesContract {}
