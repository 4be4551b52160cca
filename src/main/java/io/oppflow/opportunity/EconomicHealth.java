package io.oppflow.opportunity;

/** Our assessment of the customer's economic health. */
public enum EconomicHealth {
  GOOD,
  FAIR,
  POOR
}
