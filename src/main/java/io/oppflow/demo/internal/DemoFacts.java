package io.oppflow.demo.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.opportunity.ActivityType;
import io.oppflow.opportunity.NewActivity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What a rep records on each stage's form before asking to leave it, as JSON of the opportunity's facts: the
 * promotion markers the stage's gate checks (rules/), stage by stage. The first item of a stage is the one a rep
 * may still lack when asking a manager for an exception; the gate fails on it.
 */
final class DemoFacts {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private DemoFacts() {}

  /** The facts a new opportunity opens with: name, customer, amount, types, region. */
  static ObjectNode opening(DemoDeal deal) {
    ObjectNode facts = JSON.objectNode();
    facts.put("name", deal.name());
    facts.putObject("customer").put("name", deal.customer());
    facts.put("customerType", deal.newCustomer() ? "NEW" : "OLD");
    facts.put("projectType", deal.large() ? "LARGE" : "SMALL");
    facts.put("region", deal.rep().region());
    facts.put("amount", deal.amount());
    facts.put("currency", "CNY");
    return facts;
  }

  /**
   * Records into {@code facts} what passes the gates of every stage up to {@code stage} (index), except the
   * first item of {@code stage} when {@code withGap}.
   */
  static void recordUpTo(ObjectNode facts, DemoDeal deal, int stage, boolean withGap, LocalDate today) {
    for (int s = 0; s <= stage; s++) {
      List<BiConsumer<ObjectNode, LocalDate>> items = items(deal, deal.stages().get(s));
      for (int i = (withGap && s == stage) ? 1 : 0; i < items.size(); i++) {
        items.get(i).accept(facts, today);
      }
    }
  }

  /** Whether a stage has an item a rep may lack when asking for an exception. */
  static boolean hasGap(DemoDeal deal, int stage) {
    return !items(deal, deal.stages().get(stage)).isEmpty();
  }

  /** The activities of opportunity progression a rep logs in the stage. */
  static List<NewActivity> activities(DemoDeal deal, String stage, LocalDate today) {
    String decider = deal.decider().name();
    String colleague = deal.colleague().name();
    return switch (stage) {
      case "TARGET", "IDENTIFIED" -> List.of(new NewActivity(ActivityType.CALL, today, colleague, "初次电话沟通 / first call"));
      case "DISCOVER" -> List.of(new NewActivity(ActivityType.VISIT, today, colleague, "现场调研 IT 现状 / site survey"));
      case "CONFIRM_INTENT", "CONTACT" -> List.of(new NewActivity(ActivityType.MEETING, today, decider, true,
          "与决策人确认需求 / need confirmed with the decision maker"));
      case "WIN_RECOGNITION" -> List.of(new NewActivity(ActivityType.DEMO, today, decider, "产品演示 / product demo"),
          new NewActivity(ActivityType.PROPOSAL, today, decider, "提交建议书 / proposal submitted"));
      case "QUALIFIED" -> List.of(new NewActivity(ActivityType.PROPOSAL, today, decider, "提交建议书 / proposal submitted"));
      default -> List.of(new NewActivity(ActivityType.MEETING, today, decider, "商务沟通 / commercial meeting"));
    };
  }

  private static List<BiConsumer<ObjectNode, LocalDate>> items(DemoDeal deal, String stage) {
    List<BiConsumer<ObjectNode, LocalDate>> items = new ArrayList<>();
    switch (stage) {
      case "TARGET" -> {
        items.add((f, d) -> customer(f).put("inTargetSegment", true));
        items.add((f, d) -> customer(f).put("industry", deal.industry().en()));
      }
      case "DISCOVER" -> {
        items.add((f, d) -> customer(f).put("economicHealth", deal.fairHealth() ? "FAIR" : "GOOD"));
        items.add((f, d) -> customer(f).put("industry", deal.industry().en()).put("headcount", deal.headcount())
            .put("annualRevenue", deal.headcount() * 400_000L)
            .put("itLandscape", "财务软件 + Excel，" + deal.headcount() / 100 + " 台服务器 / accounting software and spreadsheets")
            .put("currentSystemStatus", deal.large() ? "POOR" : "INCOMPLETE"));
        items.add((f, d) -> f.put("needs", deal.project().zh() + "：统一业务与财务数据 / " + deal.project().en()));
        items.add((f, d) -> budget(f).put("status", "ESTIMATED"));
        items.add((f, d) -> competitors(deal, f));
        items.add((f, d) -> team(deal, f));
      }
      case "CONFIRM_INTENT" -> {
        items.add((f, d) -> f.put("needConfirmed", true));
        items.add((f, d) -> f.put("expectedCloseDate", d.plusDays(120).toString()));
      }
      case "INITIATE_PROJECT" -> {
        items.add((f, d) -> selection(f).put("leadershipSupport", true));
        items.add((f, d) -> budget(f).put("status", "PRELIMINARY").put("amount", deal.amount() * 11 / 10).put("currency", "CNY"));
        items.add((f, d) -> selection(f).put("formed", true));
        items.add((f, d) -> timeline(f).put("decisionDate", d.plusDays(75).toString()).put("goLiveDate", d.plusDays(240).toString()));
        items.add((f, d) -> {
          if (deal.consultant()) {
            f.put("thirdPartyConsultant", "德勤 Deloitte");
          }
        });
      }
      case "WIN_RECOGNITION" -> {
        items.add((f, d) -> solution(f).put("proposalSubmitted", true));
        items.add((f, d) -> solution(f).put("presented", true).put("demoDone", true).put("acceptedInPrinciple", true));
        items.add((f, d) -> f.put("vendorStatus", deal.sole() ? "SOLE" : "SHORTLISTED"));
      }
      case "NEGOTIATE" -> {
        items.add((f, d) -> budget(f).put("status", "APPROVED"));
        items.add((f, d) -> contract(f).put("termsAgreed", true));
      }
      case "CLOSE", "CLOSING" -> {
        items.add((f, d) -> contract(f).put("startDate", d.plusDays(30).toString()));
        items.add((f, d) -> contract(f).put("termsAgreed", true).put("signed", true).put("signedOn", d.toString()));
      }
      case "IDENTIFIED" -> {
        items.add((f, d) -> f.put("needConfirmed", true));
        items.add((f, d) -> customer(f).put("industry", deal.industry().en()));
        items.add((f, d) -> team(deal, f));
      }
      case "CONTACT" -> {
        items.add((f, d) -> timeline(f).put("decisionDate", d.plusDays(75).toString()));
        items.add((f, d) -> budget(f).put("status", "PRELIMINARY").put("amount", deal.amount() * 11 / 10).put("currency", "CNY"));
        items.add((f, d) -> solution(f).put("proposalSubmitted", true));
      }
      case "QUALIFIED" -> {
        items.add((f, d) -> contract(f).put("termsAgreed", true));
        items.add((f, d) -> f.put("vendorStatus", deal.sole() ? "SOLE" : "SHORTLISTED"));
      }
      default -> { }
    }
    return items;
  }

  private static void competitors(DemoDeal deal, ObjectNode f) {
    ArrayNode list = f.putArray("competitors");
    list.addObject().put("name", deal.competitor()).put("status", "ACTIVE");
  }

  private static void team(DemoDeal deal, ObjectNode f) {
    ArrayNode team = f.putArray("customerProjectTeam");
    team.addObject().put("name", deal.decider().name()).put("title", deal.decider().title()).put("decisionMaker", true);
    team.addObject().put("name", deal.colleague().name()).put("title", deal.colleague().title()).put("decisionMaker", false);
  }

  private static ObjectNode customer(ObjectNode f) {
    return group(f, "customer");
  }

  private static ObjectNode budget(ObjectNode f) {
    return group(f, "budget");
  }

  private static ObjectNode selection(ObjectNode f) {
    return group(f, "selectionTeam");
  }

  private static ObjectNode timeline(ObjectNode f) {
    return group(f, "timeline");
  }

  private static ObjectNode solution(ObjectNode f) {
    return group(f, "solution");
  }

  private static ObjectNode contract(ObjectNode f) {
    return group(f, "contract");
  }

  private static ObjectNode group(ObjectNode f, String name) {
    return f.get(name) instanceof ObjectNode o ? o : f.putObject(name);
  }
}
