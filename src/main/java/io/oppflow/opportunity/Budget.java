package io.oppflow.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The customer's budget for the project and how firm it is. */
@Embeddable
public class Budget {

  @PositiveOrZero
  @Column(name = "budget_amount")
  private BigDecimal amount;

  @Size(min = 3, max = 3)
  @Column(name = "budget_currency")
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(name = "budget_status")
  private BudgetStatus status;

  public BigDecimal getAmount() { return amount; }
  public void setAmount(BigDecimal amount) { this.amount = amount; }
  public String getCurrency() { return currency; }
  public void setCurrency(String currency) { this.currency = currency; }
  public BudgetStatus getStatus() { return status; }
  public void setStatus(BudgetStatus status) { this.status = status; }
}
