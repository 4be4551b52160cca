package io.oppflow.opportunity;

import java.util.Collection;
import java.util.Map;

/**
 * The port to the process engine for reassignments: who is a user, and handing an opportunity's open tasks to its
 * new owner (and the managers of its new org unit).
 */
public interface ReassignmentWorkflow {

  /** Whether a user with this id exists (may sign in). */
  boolean isUser(String userId);

  /**
   * The display names of those of these ids that are users (as {@link #isUser}): first and last name, or the id when
   * the user has neither; the ids of no user are left out. One look-up for all of them.
   */
  Map<String, String> namesOf(Collection<String> userIds);

  /**
   * Hands the open tasks of the opportunity's stage process from its previous owner to its new one, in the
   * transaction of the reassignment: assignments, candidacies and task permissions of the previous owner go to the
   * new one; tasks offered to managers are offered to those of the new org unit. The process's own record of its
   * owner and org unit follows too.
   *
   * @param before the opportunity as it was
   * @param after the opportunity with its new owner and org unit
   * @return how many open tasks changed hands
   */
  int handOver(Opportunity before, Opportunity after);
}
