package io.oppflow.forecast.internal;

import io.oppflow.shared.ForbiddenException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForecastScopeTests {

  static final String PROCESS = "project-sales-funnel";
  final Actor rep = new Actor("rep1", Set.of(Role.REP), Optional.of("HQ/East/Shanghai-1"));
  final Actor manager = new Actor("manager1", Set.of(Role.MANAGER), Optional.of("HQ/East"));

  @Test
  void shouldNarrowARepToTheirOwnOpportunities() {
    ForecastScope scope = ForecastScope.of(rep, PROCESS, null, null);
    assertThat(scope.owner()).contains("rep1");
    assertThat(scope.orgUnit()).isEmpty();
    assertThatThrownBy(() -> ForecastScope.of(rep, PROCESS, null, "rep2")).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void shouldNarrowAManagerToTheSubtreeTheyManage() {
    assertThat(ForecastScope.of(manager, PROCESS, null, null).orgUnit()).contains("HQ/East");
    assertThat(ForecastScope.of(manager, PROCESS, "HQ/East/Shanghai-1", "rep1").orgUnit()).contains("HQ/East/Shanghai-1");
    assertThatThrownBy(() -> ForecastScope.of(manager, PROCESS, "HQ", null)).isInstanceOf(ForbiddenException.class);
    // a sibling whose name merely starts the same is not below HQ/East
    assertThatThrownBy(() -> ForecastScope.of(manager, PROCESS, "HQ/Eastern", null)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void shouldLetExpertsOpsAndAdminsSeeEverythingAndRefuseOtherRoles() {
    for (Role role : Set.of(Role.EXPERT, Role.OPS, Role.ADMIN)) {
      ForecastScope scope = ForecastScope.of(new Actor("u", Set.of(role), Optional.empty()), PROCESS, "HQ/North", "rep2");
      assertThat(scope.orgUnit()).contains("HQ/North");
      assertThat(scope.owner()).contains("rep2");
    }
    assertThatThrownBy(() -> ForecastScope.of(new Actor("u", Set.of(), Optional.empty()), PROCESS, null, null))
        .isInstanceOf(ForbiddenException.class);
  }
}
