package io.oppflow.bench;

import java.util.Map;

/** One side of one operation; a round runs each arm once for a fixed time. */
enum Arm {
  PRODUCT_CREATE("product create"),
  PLAIN_CREATE("plain create"),
  PRODUCT_ADVANCE("product advance"),
  PLAIN_ADVANCE("plain advance");

  final String label;

  Arm(String label) {
    this.label = label;
  }

  void runOnce(FunnelClient client) throws Exception {
    switch (this) {
      case PRODUCT_CREATE -> client.productCreate();
      case PLAIN_CREATE -> client.plainCreate();
      case PRODUCT_ADVANCE -> client.productAdvance();
      case PLAIN_ADVANCE -> client.plainAdvance();
    }
  }

  boolean isAdvance() {
    return this == PRODUCT_ADVANCE || this == PLAIN_ADVANCE;
  }

  boolean isProduct() {
    return this == PRODUCT_CREATE || this == PRODUCT_ADVANCE;
  }

  /** The plain arm a product arm is compared with. */
  Arm plain() {
    return this == PRODUCT_CREATE ? PLAIN_CREATE : PLAIN_ADVANCE;
  }

  /** The operation that makes the opportunities this advance arm needs. */
  Arm creator() {
    return this == PRODUCT_ADVANCE ? PRODUCT_CREATE : PLAIN_CREATE;
  }

  /**
   * What one arm did in one round: operations, wall time, statements per group (see {@link StatementCounts}),
   * CPU of the service and of PostgreSQL in ns, and the estimated lock wait in ms.
   */
  record Run(Arm arm, int clients, long operations, double seconds, Map<String, Long> statements, long serviceCpu,
      long databaseCpu, double lockWaitMs) {

    double perSecond() {
      return operations / seconds;
    }
  }
}
