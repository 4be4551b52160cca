package io.oppflow.opportunity;

/** Where the customer places us among the vendors. */
public enum VendorStatus {
  NONE,
  CANDIDATE,
  SHORTLISTED,
  SOLE
}
