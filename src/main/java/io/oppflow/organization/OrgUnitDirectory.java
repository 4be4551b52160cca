package io.oppflow.organization;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which org unit each user belongs to (reps) or manages (managers). */
@Service
public class OrgUnitDirectory {

  /** HQ/branch/team: segments of letters, digits, '-', '_' or CJK, joined by '/'. */
  private static final Pattern ORG_UNIT = Pattern.compile("[\\p{L}\\p{N}_-]+(/[\\p{L}\\p{N}_-]+)*");

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
    if (!isValidOrgUnit(orgUnit)) {
      throw new IllegalArgumentException("Not an org unit path: " + orgUnit);
    }
    members.findById(userId).ifPresentOrElse(
        m -> m.moveTo(orgUnit), () -> members.save(new SalesMember(userId, orgUnit)));
  }

  /** Whether {@code orgUnit} is {@code unit} itself or a unit below it ("HQ/East" holds "HQ/East/Shanghai-1", not "HQ/Eastern"). */
  public static boolean isWithin(String orgUnit, String unit) {
    return orgUnit.equals(unit) || orgUnit.startsWith(unit + "/");
  }

  public static boolean isValidOrgUnit(String orgUnit) {
    return orgUnit != null && orgUnit.length() <= 200 && ORG_UNIT.matcher(orgUnit).matches();
  }
}
