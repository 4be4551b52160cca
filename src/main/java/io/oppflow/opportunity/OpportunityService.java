package io.oppflow.opportunity;

import io.oppflow.organization.OrgUnit;
import io.oppflow.shared.FieldError;
import io.oppflow.shared.Refusals;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.opportunity.internal.ActivityEntity;
import io.oppflow.opportunity.internal.ActivityRepository;
import io.oppflow.opportunity.internal.NotAStageProcessException;
import io.oppflow.opportunity.internal.OpportunityAccess;
import io.oppflow.opportunity.internal.OpportunityCodes;
import io.oppflow.opportunity.internal.ImportedOpportunityRows;
import io.oppflow.opportunity.internal.OpportunityEntity;
import io.oppflow.opportunity.internal.OpportunityRepository;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door to opportunities. The REST API, the Tasklist forms (through the process adapters) and
 * the gates all read and change opportunities here, so no door skips a check the others make.
 */
@Service
public class OpportunityService {

  private final OpportunityRepository opportunities;
  private final ActivityRepository activities;
  private final OpportunityWorkflow workflow;
  private final OrgUnitDirectory directory;
  private final Validator validator;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final ImportedOpportunityRows importedRows;

  public OpportunityService(OpportunityRepository opportunities, ActivityRepository activities, OpportunityWorkflow workflow,
      OrgUnitDirectory directory, Validator validator, Clock clock,
      org.springframework.context.ApplicationEventPublisher events, ImportedOpportunityRows importedRows) {
    this.importedRows = importedRows;
    this.opportunities = opportunities;
    this.activities = activities;
    this.workflow = workflow;
    this.directory = directory;
    this.validator = validator;
    this.clock = clock;
    this.events = events;
  }

  /** Opens an opportunity and starts its stage process; the code becomes the business key. */
  @Transactional
  public OpportunityView open(NewOpportunity request, Actor actor) {
    return open(request, actor, workflow::start);
  }

  /**
   * Opens an opportunity for the stage process instance the engine is starting now (a start form in
   * Tasklist): the same checks as {@link #open}, and the starting instance becomes its process instead of a
   * new one. The caller sets the returned code as the instance's business key.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public OpportunityView openForStartingProcess(NewOpportunity request, Actor actor, String processInstanceId) {
    return open(request, actor, (opened, version) -> processInstanceId);
  }

  private OpportunityView open(NewOpportunity request, Actor actor,
      BiFunction<Opportunity, StageProcessVersion, String> process) {
    String owner = request.owner() == null ? actor.userId() : request.owner();
    StageProcessVersion version = workflow.latestFor(request.process());
    String processKey = version.key();
    if (!version.hasStages()) {
      throw new NotAStageProcessException(processKey);
    }
    String orgUnit = OrgUnit.checked(request.orgUnit() != null ? request.orgUnit() : unitOf(owner, actor)
        .orElseThrow(() -> InvalidRequestException.of("orgUnit", "负责人 '" + owner + "' 未归属任何组织单元，请填写组织单元 / owner '"
            + owner + "' has no org unit; give one")));
    String code = request.code() == null ? OpportunityCodes.generate(clock) : request.code();
    if (!OpportunityCodes.isValid(code)) {
      throw InvalidRequestException.of("code", Refusals.CODE);
    }
    if (!OpportunityAccess.canOpen(actor, owner, orgUnit)) {
      throw new OpportunityAccessDeniedException(code, actor.userId());
    }
    validate(request.facts());
    if (opportunities.existsByCode(code)) {
      throw new OpportunityConflictException("编号为 " + code + " 的商机已存在 / An opportunity with code " + code + " already exists");
    }
    OpportunityEntity opportunity = new OpportunityEntity(code, processKey, owner, orgUnit, clock.instant());
    opportunity.recordFacts(request.facts(), clock.instant());
    opportunities.saveAndFlush(opportunity);
    events.publishEvent(new OpportunityOpened(code, opportunity.getCreatedAt()));
    opportunity.attachProcess(process.apply(opportunity.snapshot(), version));
    opportunities.flush();
    return OpportunityView.of(opportunity.snapshot(), List.of()); // nothing is logged for it yet
  }

  /** The owner's org unit: the signed-in actor's own if their request read it already, else the directory's. */
  private Optional<String> unitOf(String owner, Actor actor) {
    return owner.equals(actor.userId()) && actor.orgUnit().isPresent() ? actor.orgUnit() : directory.orgUnitOf(owner);
  }

  /**
   * Checks an opportunity to import as {@link #open} checks a new one (code, org unit, facts), without
   * touching the database, so an importer can reject a bad row before its batch begins.
   *
   * @throws InvalidRequestException naming what is wrong
   */
  public void checkImport(ImportedOpportunity past) {
    if (!OpportunityCodes.isValid(past.code())) {
      throw InvalidRequestException.of("code", Refusals.CODE);
    }
    if (past.owner() == null || past.owner().isBlank() || past.owner().length() > 64) {
      throw InvalidRequestException.of("owner", "请填写负责人，最多 64 个字符 / required, at most 64 characters");
    }
    OrgUnit.checked(past.orgUnit());
    if ((past.status() == OpportunityStatus.OPEN) != (past.closedAt() == null)) {
      throw InvalidRequestException.of("closedOn", "赢单和丢单的商机须填写，未结商机须留空 / "
          + "required for won and lost opportunities, empty for open ones");
    }
    if (past.closedAt() != null && past.closedAt().isBefore(past.createdAt())) {
      throw InvalidRequestException.of("closedOn", "不得早于创建日期 / must not be before the creation date");
    }
    if ((past.status() == OpportunityStatus.LOST) != (past.loss() != null)) {
      throw InvalidRequestException.of("lostReason", "只有丢单的商机才有丢单原因 / only lost opportunities have a loss");
    }
    if (past.stageEnteredAt() != null && (past.status() != OpportunityStatus.OPEN
        || past.stageEnteredAt().isBefore(past.createdAt()) || past.stageEnteredAt().isAfter(clock.instant()))) {
      throw InvalidRequestException.of("stageEnteredOn", "只有未结商机才有，且须在创建日期与现在之间 / "
          + "only an open opportunity has one, between its creation and now");
    }
    if (past.lostAtStage() != null && past.status() != OpportunityStatus.LOST) {
      throw InvalidRequestException.of("lostAtStage", "只有丢单的商机才有丢单阶段 / only lost opportunities have one");
    }
    validate(past.facts());
  }

  /**
   * Records an opportunity taken over from elsewhere with its historical dates; an open one continues
   * as a live process in its stage, its stage's timers (the dwell limit) running from when it entered the stage.
   * Owners need not be users yet. The domain events of winning and
   * losing are not published: the import is not the moment it happened.
   *
   * @param history writes what else the importer knows of its past (its stage history), once the opportunity is
   *     stored and before an open one's process starts, so that the process's tasks are captioned with it at once
   * @param dueReviewsHeldUntil null, or when an open one's stall review, if due already, comes at the latest: an
   *     import holds them until {@link #releaseHeldReviews}, so they run after its rows, not between them
   * @return false, changing nothing, if an opportunity with this code exists already
   */
  @Transactional
  public boolean recordImported(ImportedOpportunity past, Runnable history, Instant dueReviewsHeldUntil) {
    checkImport(past);
    if (opportunities.existsByCode(past.code())) {
      return false;
    }
    if (past.status() == OpportunityStatus.OPEN && past.stage() == null) {
      throw InvalidRequestException.of("stage", "未结商机须处于某个阶段 / an open opportunity is in a stage");
    }
    OpportunityEntity opportunity = OpportunityEntity.imported(past);
    opportunities.saveAndFlush(opportunity);
    history.run();
    if (opportunity.isOpen()) {
      events.publishEvent(new OpportunityOpened(past.code(), opportunity.getCreatedAt()));
      // the stall clock runs from the historical entry, so a deal past its stage's dwell limit is reviewed at once
      opportunity.attachProcess(workflow.startAt(opportunity.snapshot(), past.stage(),
          past.stageEnteredAt() == null ? past.createdAt() : past.stageEnteredAt(), dueReviewsHeldUntil));
    }
    opportunities.flush();
    return true;
  }

  /**
   * Runs {@code imports} (calls of {@link #recordImported}) so that the processes of their open opportunities are
   * written to the engine together, in one flush at the end, not in one flush each.
   */
  @Transactional
  public <T> T recordingTogether(java.util.function.Supplier<T> imports) {
    return workflow.together(imports);
  }

  /**
   * Lets the stall reviews held until {@code heldUntil} (see {@link #recordImported}) come now.
   *
   * @return how many were held
   */
  public int releaseHeldReviews(Instant heldUntil) {
    return workflow.releaseHeldReviews(heldUntil);
  }

  /**
   * Records closed (won and lost) opportunities taken over from elsewhere, as {@link #recordImported} records each
   * (the same checks, the same columns, no events), but with one query for the codes taken already and one batched
   * insert: they start no process, so nothing else happens per opportunity.
   *
   * @return the codes recorded, in the order given; those that existed already are left out, changing nothing
   * @throws InvalidRequestException if one of them is not closed or breaks a check of {@link #checkImport}
   */
  @Transactional
  public List<String> recordImportedClosed(List<ImportedOpportunity> past) {
    for (ImportedOpportunity o : past) {
      checkImport(o);
      if (o.status() == OpportunityStatus.OPEN) {
        throw InvalidRequestException.of("status", o.code() + " 是未结商机：其流程由 recordImported 启动 / "
            + o.code() + " is open: its process starts in recordImported");
      }
    }
    Set<String> taken = importedRows.existing(past.stream().map(ImportedOpportunity::code).toList());
    List<OpportunityEntity> fresh = past.stream().filter(o -> !taken.contains(o.code()))
        .map(OpportunityEntity::imported).toList();
    importedRows.insert(fresh.stream().filter(ImportedOpportunityRows::fits).toList());
    fresh.stream().filter(o -> !ImportedOpportunityRows.fits(o)).forEach(opportunities::save);
    opportunities.flush();
    return fresh.stream().map(OpportunityEntity::getCode).toList();
  }

  @Transactional(readOnly = true)
  public OpportunityView get(String code, Actor actor) {
    return view(readableBy(code, actor));
  }

  /**
   * The opportunity, if the actor may read it (owner, manager of its unit or above, experts, sales-ops, admin):
   * the one check of every read of an opportunity and of what belongs to it (its activities, gate records,
   * exceptions, stage timeline).
   *
   * @throws OpportunityNotFoundException (404) if there is no such opportunity
   * @throws OpportunityAccessDeniedException (403) if the actor may not read it
   */
  @Transactional(readOnly = true)
  public Opportunity readableBy(String code, Actor actor) {
    Opportunity o = byCode(code);
    if (!OpportunityAccess.canRead(actor, o)) {
      throw new OpportunityAccessDeniedException(code, actor.userId());
    }
    return o;
  }

  @Transactional(readOnly = true)
  public Page<OpportunityView> list(OpportunityFilter filter, Pageable page, Actor actor) {
    return opportunities.findAll(filter.visibleTo(actor), page).map(o -> view(o.snapshot()));
  }

  /**
   * Records the facts that {@code change} makes of the current ones, checked against the version the
   * caller last read.
   *
   * @param expectedVersion the version the caller based the change on, or null for the current one
   */
  @Transactional
  public OpportunityView update(String code, Function<Opportunity, OpportunityFacts> change,
      Long expectedVersion, Actor actor) {
    OpportunityEntity o = changeable(code, actor);
    if (expectedVersion != null && expectedVersion != o.getVersion()) {
      throw new OpportunityConflictException("商机 " + code + " 已被修改（版本 " + o.getVersion() + "，您的是 "
          + expectedVersion + "），请重新读取 / Opportunity " + code + " was changed meanwhile (version "
          + o.getVersion() + ", you had " + expectedVersion + "); read it again");
    }
    OpportunityFacts facts = change.apply(o.snapshot());
    validate(facts);
    recordFacts(o, facts);
    opportunities.flush();
    return view(o.snapshot());
  }

  /** The opportunity, if the actor may change it (owner, manager of its unit, sales-ops, admin). */
  private OpportunityEntity changeable(String code, Actor actor) {
    OpportunityEntity o = entity(code);
    if (!OpportunityAccess.canChange(actor, o.snapshot())) {
      throw new OpportunityAccessDeniedException(code, actor.userId());
    }
    return o;
  }

  /** Logs an activity of opportunity progression, in the stage the opportunity is in now. */
  @Transactional
  public ActivityView logActivity(String code, NewActivity activity, Actor actor) {
    return log(changeable(code, actor), activity, actor);
  }

  /**
   * Logs an activity entered on a stage task's form, with the checks of {@link #logActivity}, as the user who
   * completes the task: the engine's task permissions already authorised them (an expert of the project team
   * works its tasks without owning the opportunity).
   */
  @Transactional
  public ActivityView logActivityOnTask(String code, NewActivity activity, Actor actor) {
    return log(entity(code), activity, actor);
  }

  private ActivityView log(OpportunityEntity o, NewActivity activity, Actor actor) {
    String code = o.getCode();
    if (!o.isOpen()) {
      throw new OpportunityClosedException(code, o.getStatus());
    }
    if (activity.type() == null) {
      throw InvalidRequestException.of("type", "请选择活动类型：VISIT、CALL、MEETING、DEMO、PROPOSAL 或 OTHER / "
          + "required: VISIT, CALL, MEETING, DEMO, PROPOSAL or OTHER");
    }
    if (activity.date() == null || activity.date().isAfter(java.time.LocalDate.now(clock))) {
      throw InvalidRequestException.of("date", "请填写活动日期，且不能是将来的日期：记录已做的事 / required, and not in the future: log what was done");
    }
    if (activity.contact() != null && activity.contact().length() > 200) {
      throw InvalidRequestException.of("contact", Refusals.atMost(200));
    }
    if (activity.note() != null && activity.note().length() > 2000) {
      throw InvalidRequestException.of("note", Refusals.atMost(2000));
    }
    String contact = activity.contact() == null || activity.contact().isBlank() ? null : activity.contact().strip();
    if (activity.contactDecides() && contact == null) {
      throw InvalidRequestException.of("contact", "请填写您见到的决策人 / name the decision maker you met");
    }
    ActivityView logged = ActivityView.of(activities.save(new ActivityEntity(code, activity.type(), activity.date(),
        contact, activity.note(), activity.contactDecides(), o.getStage(), actor.userId(), clock.instant())).snapshot());
    events.publishEvent(new OpportunityActivityLogged(code));
    return logged;
  }

  @Transactional(readOnly = true)
  public List<ActivityView> activities(String code, Actor actor) {
    readableBy(code, actor);
    return activitiesOf(code).stream().map(ActivityView::of).toList();
  }

  /** The activities logged for an opportunity, oldest first (facts for the gate). */
  @Transactional(readOnly = true)
  public List<Activity> activitiesOf(String code) {
    return activities.findByOpportunityCodeOrderByIdAsc(code).stream().map(ActivityEntity::snapshot).toList();
  }

  /** The JSON form of an opportunity, with its activities. */
  @Transactional(readOnly = true)
  public OpportunityView view(String code) {
    return view(byCode(code));
  }

  private OpportunityView view(Opportunity o) {
    return OpportunityView.of(o, activitiesOf(o.getCode()));
  }

  /**
   * The opportunity, if the actor may decide its gate exceptions: a sales manager of its org unit (or a
   * unit above it).
   */
  @Transactional(readOnly = true)
  public Opportunity decidableBy(String code, Actor actor) {
    Opportunity o = byCode(code);
    if (!OpportunityAccess.canDecideExceptions(actor, o)) {
      throw new OpportunityAccessDeniedException(code, actor.userId());
    }
    return o;
  }

  /**
   * The opportunity, locked until the transaction ends, if the actor may change it and it is still as
   * the caller saw it. Concurrent moves of one opportunity run one after the other, and a duplicate
   * finds the precondition broken.
   *
   * @throws OpportunityPreconditionFailedException (412) or OpportunityConflictException (409) on a broken precondition
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public Opportunity lockedForChange(String code, ChangePrecondition expected, Actor actor) {
    Opportunity o = opportunities.findLockedByCode(code).orElseThrow(() -> new OpportunityNotFoundException(code))
        .snapshot();
    if (!OpportunityAccess.canChange(actor, o)) {
      throw new OpportunityAccessDeniedException(code, actor.userId());
    }
    expected.check(o);
    return o;
  }

  // --- called by the stage process, whose task permissions already authorised the user ---

  /** The opportunity as it is now (read-only). */
  @Transactional(readOnly = true)
  public Opportunity byCode(String code) {
    return entity(code).snapshot();
  }

  private OpportunityEntity entity(String code) {
    return opportunities.byNaturalCode(code).orElseThrow(() -> new OpportunityNotFoundException(code));
  }

  /** Facts entered on a stage task form. */
  @Transactional
  public void recordFacts(String code, OpportunityFacts facts) {
    validate(facts);
    recordFacts(entity(code), facts);
  }

  /** Records the facts and says so; tells the stage-interval projection when the slices the funnel groups by change. */
  private void recordFacts(OpportunityEntity o, OpportunityFacts facts) {
    List<Object> before = slices(o);
    o.recordFacts(facts, clock.instant());
    events.publishEvent(new OpportunityFactsRecorded(o.getCode()));
    if (!before.equals(slices(o))) {
      events.publishEvent(new OpportunitySlicesChanged(o.getCode(), o.getRegion(), name(o.getProjectType()),
          name(o.getCustomerType())));
    }
  }

  private static List<Object> slices(OpportunityEntity o) {
    return java.util.Arrays.asList(o.getRegion(), o.getProjectType(), o.getCustomerType());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  @Transactional
  public void enterStage(String code, String stageCode) {
    entity(code).enterStage(stageCode, clock.instant());
  }

  @Transactional
  public void markLost(String code, Loss loss) {
    entity(code).markLost(loss, clock.instant());
    events.publishEvent(new OpportunityLost(code, loss.getReason(), clock.instant()));
  }

  @Transactional
  public void markWon(String code) {
    entity(code).markWon(clock.instant());
    events.publishEvent(new OpportunityWon(code, clock.instant()));
  }

  private void validate(OpportunityFacts facts) {
    Set<ConstraintViolation<OpportunityFacts>> violations = validator.validate(facts);
    if (!violations.isEmpty()) {
      List<FieldError> errors = violations.stream()
          .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
          .sorted(Comparator.comparing(FieldError::field))
          .toList();
      throw new InvalidRequestException(errors);
    }
  }
}
