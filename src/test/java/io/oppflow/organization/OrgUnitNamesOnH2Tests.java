package io.oppflow.organization;

import io.oppflow.support.H2ServiceTest;

/** Org units named as people name them, on the embedded default database. */
@H2ServiceTest
class OrgUnitNamesOnH2Tests extends OrgUnitNamesContract {}
