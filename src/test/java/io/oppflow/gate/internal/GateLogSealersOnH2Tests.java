package io.oppflow.gate.internal;

import io.oppflow.support.H2ServiceTest;

/** Sealers racing on purpose, on H2 (the demo default). */
@H2ServiceTest
class GateLogSealersOnH2Tests extends GateLogSealersContract {}
