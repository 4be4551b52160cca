package io.oppflow.opportunity;

/** How firm the customer's budget is; NONE means there is no budget. */
public enum BudgetStatus {
  NONE,
  ESTIMATED,
  PRELIMINARY,
  APPROVED
}
