package io.oppflow.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** The commercial agreement: terms agreed in negotiation, then signed with a start date (stage 7). */
@Embeddable
public class Contract {

  @Column(name = "contract_terms_agreed")
  private Boolean termsAgreed;

  @Column(name = "contract_signed")
  private Boolean signed;

  @Column(name = "contract_signed_on")
  private LocalDate signedOn;

  @Column(name = "contract_start_date")
  private LocalDate startDate;

  public Boolean getTermsAgreed() { return termsAgreed; }
  public void setTermsAgreed(Boolean termsAgreed) { this.termsAgreed = termsAgreed; }
  public Boolean getSigned() { return signed; }
  public void setSigned(Boolean signed) { this.signed = signed; }
  public LocalDate getSignedOn() { return signedOn; }
  public void setSignedOn(LocalDate signedOn) { this.signedOn = signedOn; }
  public LocalDate getStartDate() { return startDate; }
  public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
}
