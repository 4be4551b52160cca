package io.oppflow.demo.internal;

import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo sales organisation the generated opportunities belong to: two branches (East under manager1, North
 * under manager2), two teams each, two reps per team. The users themselves are created with the other demo
 * identities (security's DemoIdentities), which place them in these same units.
 */
final class DemoRoster {

  record Rep(String id, String team, String region, String manager, String branch, List<String> cities) {
    Actor actor() {
      return new Actor(id, Set.of(Role.REP), Optional.of(team));
    }

    Actor managerActor() {
      return new Actor(manager, Set.of(Role.MANAGER), Optional.of(branch));
    }
  }

  private static final List<String> EAST = List.of("上海", "杭州", "苏州", "宁波", "南京", "无锡");
  private static final List<String> NORTH = List.of("北京", "天津", "济南", "青岛", "石家庄", "唐山");

  static final List<Rep> REPS = List.of(
      new Rep("rep1", "HQ/East/Shanghai-1", "East", "manager1", "HQ/East", EAST),
      new Rep("rep3", "HQ/East/Shanghai-1", "East", "manager1", "HQ/East", EAST),
      new Rep("rep4", "HQ/East/Hangzhou-1", "East", "manager1", "HQ/East", EAST),
      new Rep("rep5", "HQ/East/Hangzhou-1", "East", "manager1", "HQ/East", EAST),
      new Rep("rep2", "HQ/North/Beijing-1", "North", "manager2", "HQ/North", NORTH),
      new Rep("rep6", "HQ/North/Beijing-1", "North", "manager2", "HQ/North", NORTH),
      new Rep("rep7", "HQ/North/Tianjin-1", "North", "manager2", "HQ/North", NORTH),
      new Rep("rep8", "HQ/North/Tianjin-1", "North", "manager2", "HQ/North", NORTH));

  /** Who looks at the whole organisation (to see whether opportunities exist already). */
  static final Actor OPS = new Actor("ops1", Set.of(Role.OPS), Optional.empty());

  /** Who moves a process past its gates (the one bypass of the demo). */
  static final String ADMIN = "admin";

  private DemoRoster() {}
}
