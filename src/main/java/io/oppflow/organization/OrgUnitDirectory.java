package io.oppflow.organization;

import io.oppflow.organization.internal.SalesMember;
import io.oppflow.organization.internal.SalesMemberRepository;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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

  /** The org units of these users, in one query; a user placed in none is left out. */
  @Transactional(readOnly = true)
  public Map<String, String> orgUnitsOf(Collection<String> userIds) {
    return userIds.isEmpty() ? Map.of()
        : members.findMembers(userIds).stream().collect(Collectors.toMap(SalesMember::userId, SalesMember::orgUnit));
  }

  /**
   * Places a user in an org unit (normalized, see {@link OrgUnit#normalize}).
   *
   * @throws io.oppflow.shared.InvalidRequestException naming {@code orgUnit} if it is not a well-formed path
   */
  @Transactional
  public void assign(String userId, String path) {
    String orgUnit = OrgUnit.checked(path);
    members.findById(userId).ifPresentOrElse(
        m -> m.moveTo(orgUnit), () -> members.save(new SalesMember(userId, orgUnit)));
  }

}
