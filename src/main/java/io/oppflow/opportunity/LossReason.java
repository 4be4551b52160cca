package io.oppflow.opportunity;

/** Why an opportunity was lost: the customer stopped buying, chose a competitor, or another reason. */
public enum LossReason {
  CUSTOMER_STOPPED,
  COMPETITOR,
  OTHER
}
