package io.oppflow.organization;

import io.oppflow.organization.internal.SalesMember;
import io.oppflow.organization.internal.SalesMemberRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which org unit each user belongs to (reps) or manages (managers). */
@Service
public class OrgUnitDirectory {

  private final SalesMemberRepository members;

  OrgUnitDirectory(SalesMemberRepository members) {
    this.members = members;
  }

  @Transactional(readOnly = true)
  public Optional<String> orgUnitOf(String userId) {
    return members.findById(userId).map(SalesMember::orgUnit);
  }

  @Transactional
  public void assign(String userId, String orgUnit) {
    if (!OrgUnit.isValid(orgUnit)) {
      throw new IllegalArgumentException("Not an org unit path: " + orgUnit);
    }
    members.findById(userId).ifPresentOrElse(
        m -> m.moveTo(orgUnit), () -> members.save(new SalesMember(userId, orgUnit)));
  }

}
