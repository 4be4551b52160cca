package io.oppflow.organization;

import io.oppflow.organization.internal.SalesMember;
import io.oppflow.organization.internal.SalesMemberRepository;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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
   * The users placed in {@code subtree} or a unit below it, or in one of {@code units} itself, ordered by org unit
   * then user id, at most {@code limit} of them; with {@code subtree} null and no {@code units}, everyone placed.
   *
   * @param except a user left out (null: none)
   */
  @Transactional(readOnly = true)
  public List<OrgUnitMember> membersWithin(String subtree, Collection<String> units, String except, int limit) {
    Specification<SalesMember> where = (root, query, cb) -> {
      List<Predicate> in = new ArrayList<>();
      if (subtree != null) {
        in.add(cb.equal(root.get("orgUnit"), subtree));
        in.add(cb.like(root.get("orgUnit"), new OrgUnit(subtree).belowPattern(), OrgUnit.LIKE_ESCAPE));
      }
      if (!units.isEmpty()) {
        in.add(root.get("orgUnit").in(units));
      }
      Predicate placed = in.isEmpty() ? cb.conjunction() : cb.or(in.toArray(Predicate[]::new));
      return except == null ? placed : cb.and(placed, cb.notEqual(root.get("userId"), except));
    };
    return members.findBy(where, q -> q.sortBy(Sort.by("orgUnit", "userId")).limit(limit).all()).stream()
        .map(m -> new OrgUnitMember(m.userId(), m.orgUnit())).toList();
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
