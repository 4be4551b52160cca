package io.oppflow.flows;

import io.oppflow.support.H2ServiceTest;

/** The main flows on the embedded default database. */
@H2ServiceTest
class MainFlowsOnH2Tests extends MainFlowsContract {}
