package io.oppflow.opportunity;

import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** The list query: what the caller asked for, narrowed to what the caller may see. */
public record OpportunityFilter(String owner, String stage, OpportunityStatus status) {

  Specification<Opportunity> visibleTo(Actor actor) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (owner != null) {
        where.add(cb.equal(root.get("owner"), owner));
      }
      if (stage != null) {
        where.add(cb.equal(root.get("stage"), stage));
      }
      if (status != null) {
        where.add(cb.equal(root.get("status"), status));
      }
      if (!actor.seesEverything() && !actor.has(Role.EXPERT)) {
        List<Predicate> visible = new ArrayList<>();
        if (actor.has(Role.REP)) {
          visible.add(cb.equal(root.get("owner"), actor.userId()));
        }
        if (actor.has(Role.MANAGER) && actor.orgUnit().isPresent()) {
          String unit = actor.orgUnit().get();
          visible.add(cb.or(cb.equal(root.get("orgUnit"), unit), cb.like(root.get("orgUnit"), escape(unit) + "/%", '\\')));
        }
        where.add(visible.isEmpty() ? cb.disjunction() : cb.or(visible.toArray(Predicate[]::new)));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static String escape(String like) {
    return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
