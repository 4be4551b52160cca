package io.oppflow.opportunity;

import io.oppflow.support.H2ServiceTest;

/** Reassignment on the embedded default database. */
@H2ServiceTest
class ReassignmentOnH2Tests extends ReassignmentContract {}
