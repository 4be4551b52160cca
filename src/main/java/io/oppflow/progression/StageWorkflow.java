package io.oppflow.progression;

import io.oppflow.opportunity.Loss;
import io.oppflow.organization.Actor;

/**
 * The stage process of an opportunity, as the progression use cases drive it: each call completes the
 * task a rep or manager would complete in Tasklist, with the same listeners and gate, on behalf of
 * {@code actor}. Implemented by the process engine's adapter; a call for a task that is not waiting
 * is refused with 409.
 */
public interface StageWorkflow {

  /** Completes the stage task of {@code stage}, asking its gate. */
  void advance(String processInstanceId, String stage, Actor actor);

  /** Completes the stage task of {@code stage} with the opportunity lost. */
  void lose(String processInstanceId, String stage, Loss loss, Actor actor);

  /** Completes the stage task of {@code stage} asking a manager to except its failed gate. */
  void requestException(String processInstanceId, String stage, String reason, Actor actor);

  /** Completes the approval task of the exception pending at {@code stage}. */
  void decideException(String processInstanceId, String stage, boolean approve, String reason, Actor actor);
}
