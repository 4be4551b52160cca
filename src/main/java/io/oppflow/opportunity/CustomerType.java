package io.oppflow.opportunity;

/** New (潜在客户) or existing (老客户) customer. */
public enum CustomerType {
  NEW,
  OLD
}
