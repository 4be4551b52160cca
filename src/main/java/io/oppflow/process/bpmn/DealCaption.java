package io.oppflow.process.bpmn;

import io.oppflow.gate.GateDecision;
import io.oppflow.gate.GateExceptionStatus;
import io.oppflow.gate.GateExceptionView;
import io.oppflow.gate.Verdict;
import io.oppflow.gate.Criterion;
import io.oppflow.opportunity.Opportunity;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a task of a stage process says about its deal where Tasklist shows it: its {@code name} (the task
 * list, the task header and the "assigned to the following tasks" notice after Complete), its
 * {@code description} (the task's Description tab) and the {@code feedback} its form shows as
 * {@code gateFeedback} (task-local; null when the task starts clean); a manager's task also shows the
 * description on its form as {@code dealSummary}, as the decision is made there.
 *
 * <p>A name is {@code [status · ]<order> <stage in Chinese> · <customer> · <opportunity> (<code>)}: the
 * stage's number stands for its English name, which the description and the form give; the words that
 * say what happened or what to do (failed, rejected, approve, review) are in both languages. The
 * description's first line says where the task comes from (the previous stage's gate, this stage's failed
 * gate, a rejected exception, a request, a dwell limit); the days in the stage are given with the date they
 * were counted on, next to the entry date, so a figure read later is never silently wrong.
 */
public record DealCaption(String name, String description, String feedback, String dealSummary) {

  /** Camunda keeps a task's name in 255 characters and its description in 4000. */
  static final int MAX_NAME = 250;
  static final int MAX_DESCRIPTION = 3900;
  private static final int MAX_CUSTOMER = 20;
  private static final int MAX_OPPORTUNITY = 40;
  private static final int MAX_CODES = 3;
  private static final String SEP = " · ";

  /** Which task of a stage it is, by the ids the deployment checks enforce. */
  enum Kind { STAGE_TASK, APPROVAL, STALLED_REVIEW, OTHER }

  /** A stage as its BPMN element names it, e.g. {@code 3} and "确认客户意向 / Confirm customer intent". */
  record Stage(String code, String order, String name) {

    String zh() {
      int slash = name.indexOf(" / ");
      return slash < 0 ? name : name.substring(0, slash);
    }

    /** "3 确认客户意向": short enough for a task name. */
    String label() {
      return (order == null ? "" : order + " ") + zh();
    }

    /** "3 确认客户意向 / Confirm customer intent". */
    String fullLabel() {
      return (order == null ? "" : order + " ") + name;
    }
  }

  /**
   * What the caption is made of.
   *
   * @param stageGate the last gate decision of the task's stage that belongs to it: for a stage task or an
   *     approval, the opportunity's latest decision if it was this stage's; for a review, the stage's last one
   * @param stageException the latest exception asked for {@code stageGate}
   * @param previousGate the decision that let the opportunity into this stage (passed or overridden), if any
   * @param stageEnteredAt when the opportunity entered the stage it is still in
   */
  record Facts(Kind kind, String taskName, String documentation, Stage stage, Opportunity opportunity,
      Optional<GateDecision> stageGate, Optional<GateExceptionView> stageException,
      Optional<GateDecision> previousGate, Optional<Stage> previousStage,
      Optional<Instant> stageEnteredAt, Optional<String> dwellLimit) {}

  static DealCaption of(Facts f, Clock clock) {
    String deal = deal(f.stage(), f.opportunity());
    GateDecision gate = f.stageGate().orElse(null);
    boolean failed = gate != null && gate.verdict().verdict() == Verdict.FAILED;
    String name;
    String status;
    String feedback = null;
    switch (f.kind()) {
      case STAGE_TASK -> {
        GateExceptionView rejected = failed ? f.stageException()
            .filter(e -> e.status() == GateExceptionStatus.REJECTED).orElse(null) : null;
        if (rejected != null) {
          name = "✗ 例外被驳回 / Exception rejected" + SEP + deal;
          status = "✗ 例外申请被 " + rejected.decidedBy() + " 驳回 / Exception rejected by " + rejected.decidedBy()
              + ": " + rejected.decisionReason();
          feedback = status + "\n" + gate.verdict().feedback();
        } else if (failed) {
          name = "✗ 关卡未通过 / Gate failed: " + codes(gate) + SEP + deal;
          status = "✗ 本阶段关卡未通过 / This stage's gate failed: " + codes(gate)
              + "（见表单“关卡反馈” / see Gate feedback on the form）";
          feedback = gate.verdict().feedback();
        } else {
          name = deal;
          status = previousGate(f, clock);
        }
      }
      case APPROVAL -> {
        name = f.taskName() + SEP + deal;
        status = f.stageException().map(e -> "例外申请 / Exception requested by " + e.requestedBy()
            + "（" + date(e.requestedAt(), clock) + "）: " + e.requestReason()).orElse(null);
        feedback = gate == null ? null : gate.verdict().feedback();
      }
      case STALLED_REVIEW -> {
        name = f.taskName() + SEP + deal;
        status = "⏱ 超过阶段时限 / Dwell limit exceeded" + f.dwellLimit().map(d -> ": " + d).orElse("");
        feedback = gate == null ? null : (gateResult(gate, clock) + "\n" + gate.verdict().feedback()).strip();
      }
      default -> {
        name = f.taskName() == null || f.taskName().isBlank() ? deal : f.taskName() + SEP + deal;
        status = null;
      }
    }
    String description = shorten(description(f, status, gate, clock), MAX_DESCRIPTION);
    boolean managerDecides = f.kind() == Kind.APPROVAL || f.kind() == Kind.STALLED_REVIEW;
    return new DealCaption(shorten(name, MAX_NAME), description,
        feedback == null || feedback.isBlank() ? null : feedback, managerDecides ? description : null);
  }

  /** "3 确认客户意向 · 华为技术 · ERP 升级 (OPP-2026-0007)". */
  private static String deal(Stage stage, Opportunity o) {
    List<String> parts = new ArrayList<>();
    if (stage != null) {
      parts.add(stage.label());
    }
    String customer = o.getCustomer().getName();
    if (customer != null && !customer.isBlank()) {
      parts.add(shorten(customer.strip(), MAX_CUSTOMER));
    }
    parts.add(shorten(o.getName() == null ? "" : o.getName().strip(), MAX_OPPORTUNITY) + " (" + o.getCode() + ")");
    return String.join(SEP, parts);
  }

  private static String previousGate(Facts f, Clock clock) {
    GateDecision previous = f.previousGate().orElse(null);
    if (previous == null) {
      return null;
    }
    String stage = f.previousStage().map(Stage::fullLabel).orElse(previous.verdict().stage());
    String warnings = previous.verdict().warnings().isEmpty() ? ""
        : SEP + "⚠ " + String.join(", ", previous.verdict().warnings().stream().map(Criterion::code).toList());
    if (previous.verdict().verdict() == Verdict.OVERRIDDEN) {
      return "✓ 上一阶段按例外通过 / Previous gate passed by exception: " + stage + "（" + previous.approvedBy()
          + " 批准 / approved by " + previous.approvedBy() + ", " + date(previous.evaluatedAt(), clock) + "）" + warnings;
    }
    return "✓ 上一阶段关卡已通过 / Previous gate passed: " + stage + "（" + date(previous.evaluatedAt(), clock) + "）" + warnings;
  }

  private static String description(Facts f, String status, GateDecision gate, Clock clock) {
    Opportunity o = f.opportunity();
    List<String> lines = new ArrayList<>();
    if (status != null) {
      lines.add(status);
    }
    String customer = o.getCustomer().getName();
    lines.add("商机 / Opportunity: " + o.getName() + " (" + o.getCode() + ")"
        + (customer == null || customer.isBlank() ? "" : SEP + "客户 / Customer: " + customer.strip()));
    lines.add("金额 / Amount: " + amount(o) + SEP + "负责人 / Owner: " + o.getOwner() + SEP + "组织 / Org unit: " + o.getOrgUnit());
    if (f.stage() != null) {
      lines.add("阶段 / Stage: " + f.stage().fullLabel() + f.stageEnteredAt().map(at -> SEP + daysIn(at, clock)).orElse("")
          + (f.stage().code().equals(o.getStage()) || o.getStage() == null ? "" : SEP + "商机现处于 / now in " + o.getStage()));
      lines.add("本阶段关卡 / This stage's gate: " + (gate == null ? "尚未申请推进 / no advance requested yet" : gateResult(gate, clock)));
    }
    if (f.documentation() != null && !f.documentation().isBlank()) {
      lines.add("");
      lines.add(f.documentation().strip());
    }
    return String.join("\n", lines);
  }

  /** "2026-11-20 进入，截至 2026-12-02 已 12 天 / entered 2026-11-20, 12 days as of 2026-12-02". */
  private static String daysIn(Instant enteredAt, Clock clock) {
    LocalDate entered = LocalDate.ofInstant(enteredAt, clock.getZone());
    LocalDate today = LocalDate.now(clock);
    long days = Math.max(0, ChronoUnit.DAYS.between(entered, today));
    return entered + " 进入，截至 " + today + " 已 " + days + " 天 / entered " + entered + ", " + days
        + (days == 1 ? " day" : " days") + " as of " + today;
  }

  private static String gateResult(GateDecision gate, Clock clock) {
    String when = date(gate.evaluatedAt(), clock);
    return switch (gate.verdict().verdict()) {
      case PASSED -> "✓ 通过 / passed（" + when + "）";
      case OVERRIDDEN -> "✓ 按例外通过 / passed by exception（" + when + ", " + gate.approvedBy() + "）";
      case FAILED -> "✗ 未通过 / failed（" + when + "）: " + codes(gate);
    };
  }

  /** The blocking criteria that failed, at most three by code: "CONFIRM_INTENT-05, CONFIRM_INTENT-06 +2". */
  private static String codes(GateDecision gate) {
    List<String> codes = gate.verdict().failures().stream().filter(Criterion::blocking).map(Criterion::code).distinct().toList();
    if (codes.isEmpty()) {
      codes = gate.verdict().failures().stream().map(Criterion::code).distinct().toList();
    }
    String shown = String.join(", ", codes.subList(0, Math.min(MAX_CODES, codes.size())));
    return codes.size() > MAX_CODES ? shown + " +" + (codes.size() - MAX_CODES) : shown;
  }

  private static String amount(Opportunity o) {
    BigDecimal amount = o.getAmount();
    if (amount == null) {
      return "未填写 / not recorded";
    }
    String number = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    return o.getCurrency() == null ? number : o.getCurrency() + " " + number;
  }

  private static String date(Instant at, Clock clock) {
    return at == null ? "—" : LocalDate.ofInstant(at, clock.getZone()).toString();
  }

  /** At most {@code max} characters, "…" marking a cut, never splitting a character in two. */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "…";
  }
}
