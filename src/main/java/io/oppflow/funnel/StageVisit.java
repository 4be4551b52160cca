package io.oppflow.funnel;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oppflow.opportunity.Reassignment;
import io.oppflow.shared.Message;
import java.time.Instant;
import java.util.List;

/**
 * One stage an opportunity was in, from its stage interval: when it entered and left, how it came in and how it
 * went out, and the gate records written while it was there.
 *
 * @param entry how it came in: FIRST (its first stage), NEXT (from the stage before), SKIPPED (stages were
 *     passed over), REOPENED (a stage it had been in already, or one lower than it had reached)
 * @param how how it went out: GATE_PASSED, EXCEPTION (a manager excepted the failed gate), ADVANCED (advanced
 *     with no gate record, as an import's history), LOST, MOVED (an administrator moved the process instance,
 *     bypassing the gate), or IN_STAGE while it is still there
 * @param by who let it out: who asked the gate that passed, the manager who approved the exception, or for a
 *     MOVED stage who moved it (the user signed in to the engine then, e.g. the administrator of the
 *     process-instance modification); null where not known (the engine acting on its own, stages left before
 *     the product recorded movers)
 * @param gateRecordId the gate record that let it out (PASSED or OVERRIDDEN), if any
 * @param gateRecordIds every gate record written for this stage during this visit, oldest first
 * @param source ENGINE (the process history) or IMPORT
 * @param owner the opportunity's owner when it entered the stage (null for intervals that never recorded one)
 * @param orgUnit its org unit then
 * @param reassignments the reassignments made while it was in the stage, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageVisit(long id, String process, String processInstanceId, String stage, int order, Message name,
    Instant enteredAt, Instant leftAt, Entry entry, How how, String outcome, String by, String requestedBy,
    Long gateRecordId, Long exceptionId, List<Long> gateRecordIds, String source, String owner, String orgUnit,
    List<Reassignment> reassignments) {

  public enum Entry { FIRST, NEXT, SKIPPED, REOPENED }

  public enum How { GATE_PASSED, EXCEPTION, ADVANCED, LOST, MOVED, IN_STAGE }
}
