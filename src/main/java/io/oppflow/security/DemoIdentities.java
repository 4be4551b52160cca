package io.oppflow.security;

import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo organisation, created on first start of the demo (default) profile only; every password is
 * {@code demo}. Never active with the {@code postgres} profile.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "oppflow.demo.enabled", havingValue = "true")
class DemoIdentities implements ApplicationRunner {

  static final String PASSWORD = "demo";

  private final IdentityService identity;
  private final OrgUnitDirectory directory;

  DemoIdentities(IdentityService identity, OrgUnitDirectory directory) {
    this.identity = identity;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    user("rep1", "Li", "Wei 李伟", Role.REP, "HQ/East/Shanghai-1");
    user("rep2", "Zhang", "Min 张敏", Role.REP, "HQ/North/Beijing-1");
    user("expert1", "Chen", "Jie 陈杰", Role.EXPERT, null);
    user("manager1", "Wang", "Fang 王芳", Role.MANAGER, "HQ/East");
    user("ops1", "Zhao", "Lei 赵磊", Role.OPS, null);
  }

  private void user(String id, String first, String last, Role role, String orgUnit) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(id + "@demo.oppflow.io");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, role.groupId());
    }
    if (orgUnit != null && directory.orgUnitOf(id).isEmpty()) {
      directory.assign(id, orgUnit);
    }
  }
}
