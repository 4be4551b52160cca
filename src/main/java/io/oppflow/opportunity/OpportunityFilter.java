package io.oppflow.opportunity;

import io.oppflow.organization.OrgUnit;
import io.oppflow.organization.Visibility;
import io.oppflow.opportunity.internal.OpportunityEntity;

import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** The list query: what the caller asked for, narrowed to what the caller may see. */
public record OpportunityFilter(String owner, String stage, OpportunityStatus status) {

  Specification<OpportunityEntity> visibleTo(Actor actor) {
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
      Visibility visible = Visibility.of(actor);
      if (!visible.all()) {
        List<Predicate> either = new ArrayList<>();
        visible.owner().ifPresent(own -> either.add(cb.equal(root.get("owner"), own)));
        visible.subtree().ifPresent(unit -> either.add(cb.or(cb.equal(root.get("orgUnit"), unit.path()),
            cb.like(root.get("orgUnit"), unit.belowPattern(), OrgUnit.LIKE_ESCAPE))));
        where.add(either.isEmpty() ? cb.disjunction() : cb.or(either.toArray(Predicate[]::new)));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
