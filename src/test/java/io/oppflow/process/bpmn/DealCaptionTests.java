package io.oppflow.process.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.gate.Criterion;
import io.oppflow.gate.GateDecision;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.Verdict;
import io.oppflow.opportunity.Customer;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.process.bpmn.DealCaption.Facts;
import io.oppflow.process.bpmn.DealCaption.Kind;
import io.oppflow.process.bpmn.DealCaption.Stage;
import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The words of a caption, without an engine: what fits into a task name and how a gate result reads. */
class DealCaptionTests {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final Stage CONFIRM = new Stage("CONFIRM_INTENT", "3", "确认客户意向 / Confirm customer intent");

  @Test
  void shouldShortenALongCustomerAndDealSoTheNameStaysOneLineAndKeepsTheCode() {
    DealCaption caption = DealCaption.of(facts(Kind.STAGE_TASK, opportunity("某某某某某某某某集团股份有限公司华东区域分公司第二事业部",
        "x".repeat(300), null), Optional.empty()), CLOCK);

    assertThat(caption.name()).startsWith("3 确认客户意向 · 某某某某某某某某集团股份有限公司华东区… · ")
        .endsWith("x… (OPP-2026-0007)").hasSizeLessThanOrEqualTo(DealCaption.MAX_NAME);
    assertThat(caption.description()).contains("金额 / Amount: 未填写 / not recorded").doesNotContain("✓").doesNotContain("✗");
    assertThat(caption.feedback()).isNull();
  }

  @Test
  void shouldNameAtMostThreeFailedBlockingCriteriaAndCountTheRest() {
    List<Criterion> failures = IntStream.rangeClosed(1, 5)
        .mapToObj(i -> new Criterion("CONFIRM_INTENT-0" + i, new Message("未满足 " + i, "not met " + i), true)).toList();
    GateDecision failed = new GateDecision(7, new GateVerdict("project-sales-funnel", "CONFIRM_INTENT", Verdict.FAILED,
        failures, List.of(new Criterion("CONFIRM_INTENT-09", new Message("提醒", "heads-up"), false)), "v1"),
        Instant.parse("2026-12-01T08:00:00Z"), null);

    DealCaption caption = DealCaption.of(facts(Kind.STAGE_TASK, opportunity("华为技术", "ERP 升级", new BigDecimal("1200000.50")),
        Optional.of(failed)), CLOCK);

    assertThat(caption.name()).isEqualTo("✗ 关卡未通过 / Gate failed: CONFIRM_INTENT-01, CONFIRM_INTENT-02, CONFIRM_INTENT-03 +2"
        + " · 3 确认客户意向 · 华为技术 · ERP 升级 (OPP-2026-0007)");
    assertThat(caption.description()).contains("金额 / Amount: CNY 1,200,000.5")
        .contains("本阶段关卡 / This stage's gate: ✗ 未通过 / failed（2026-12-01）: CONFIRM_INTENT-01");
    assertThat(caption.feedback()).startsWith("✗ CONFIRM_INTENT-01: 未满足 1 / not met 1\n")
        .endsWith("⚠ CONFIRM_INTENT-09: 提醒 / heads-up");
  }

  private static Facts facts(Kind kind, Opportunity o, Optional<GateDecision> stageGate) {
    return new Facts(kind, "确认客户意向 / Confirm customer intent", null, CONFIRM, o, stageGate, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of(Instant.parse("2026-11-20T02:00:00Z")), Optional.empty());
  }

  private static Opportunity opportunity(String customerName, String name, BigDecimal amount) {
    Customer customer = new Customer();
    customer.setName(customerName);
    OpportunityFacts facts = new OpportunityFacts(name, customer, null, null, null, amount, amount == null ? null : "CNY",
        null, null, null, null, null, null, List.of(), null, List.of(), null, null, null);
    return Opportunity.draft("OPP-2026-0007", "project-sales-funnel", "rep1", "HQ/East/Shanghai-1", "CONFIRM_INTENT",
        facts, CLOCK.instant());
  }
}
