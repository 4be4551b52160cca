package io.oppflow.security;

import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo organisation, created on first start of the demo (default) profile only; every password is
 * {@code demo}. Never active with the {@code postgres} profile. With the demo data on
 * ({@code oppflow.demo.data.enabled}) the organisation is that of the generated opportunities: two branches of
 * two teams, eight reps, a manager over each branch (see the demo module's DemoRoster).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "oppflow.demo.enabled", havingValue = "true")
class DemoIdentities implements ApplicationRunner {

  static final String PASSWORD = "demo";

  private final IdentityService identity;
  private final OrgUnitDirectory directory;
  private final boolean demoData;

  DemoIdentities(IdentityService identity, OrgUnitDirectory directory,
      @Value("${oppflow.demo.data.enabled:false}") boolean demoData) {
    this.identity = identity;
    this.directory = directory;
    this.demoData = demoData;
  }

  @Override
  public void run(ApplicationArguments args) {
    user("rep1", "Li", "Wei 李伟", Role.REP, "HQ/East/Shanghai-1");
    user("rep2", "Zhang", "Min 张敏", Role.REP, "HQ/North/Beijing-1");
    user("expert1", "Chen", "Jie 陈杰", Role.EXPERT, null);
    user("manager1", "Wang", "Fang 王芳", Role.MANAGER, "HQ/East");
    user("ops1", "Zhao", "Lei 赵磊", Role.OPS, null);
    if (demoData) {
      user("rep3", "Sun", "Hao 孙浩", Role.REP, "HQ/East/Shanghai-1");
      user("rep4", "Zhou", "Ting 周婷", Role.REP, "HQ/East/Hangzhou-1");
      user("rep5", "Wu", "Gang 吴刚", Role.REP, "HQ/East/Hangzhou-1");
      user("rep6", "Liu", "Yang 刘洋", Role.REP, "HQ/North/Beijing-1");
      user("rep7", "Huang", "Lei 黄磊", Role.REP, "HQ/North/Tianjin-1");
      user("rep8", "Xu", "Li 徐丽", Role.REP, "HQ/North/Tianjin-1");
      user("manager2", "Yang", "Fan 杨帆", Role.MANAGER, "HQ/North");
    }
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
