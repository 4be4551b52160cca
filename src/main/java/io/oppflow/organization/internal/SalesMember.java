package io.oppflow.organization.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's place in the organisation: the org unit a rep works in or a manager manages. */
@Entity
@Table(name = "sales_member")
public class SalesMember {

  @Id
  @Column(name = "user_id")
  private String userId;

  @Column(name = "org_unit", nullable = false)
  private String orgUnit;

  protected SalesMember() {}

  public SalesMember(String userId, String orgUnit) {
    this.userId = userId;
    this.orgUnit = orgUnit;
  }

  public String userId() {
    return userId;
  }

  public String orgUnit() {
    return orgUnit;
  }

  public void moveTo(String orgUnit) {
    this.orgUnit = orgUnit;
  }
}
