package io.oppflow.gate;

import io.oppflow.gate.DrlTokens.Kind;
import io.oppflow.gate.DrlTokens.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;

/**
 * The conditions ({@code when …}) of one rule: and/or/not/exists/forall over patterns of gate-model facts,
 * each constraint checked by {@link RuleExpressions}, {@code from} only over a property path of a bound
 * fact. {@code eval}, {@code accumulate}, {@code collect}, entry points, windows and named consequences are
 * refused. Also reads the gates the rule covers: {@code GateRequest( process == "p", stage == "s" )} (or
 * {@code stage in ( … )}) among the rule's top-level patterns.
 */
final class RuleConditions {

  private final RuleSetChecker.Reporter report;
  private final String rule;
  private final Map<String, Class<?>> bindings = RuleSetChecker.newBindings();
  private final Set<RuleSet.Gate> gates = new TreeSet<>();

  RuleConditions(RuleSetChecker.Reporter report, String rule) {
    this.report = report;
    this.rule = rule;
  }

  Map<String, Class<?>> bindings() {
    return bindings;
  }

  Set<RuleSet.Gate> gates() {
    return gates;
  }

  void check(AndDescr lhs) {
    if (lhs == null) {
      return;
    }
    element(lhs, true);
  }

  private void element(BaseDescr d, boolean topLevel) {
    if (d instanceof AndDescr and) {
      and.getDescrs().forEach(c -> element(c, topLevel));
    } else if (d instanceof OrDescr or) {
      or.getDescrs().forEach(c -> element(c, topLevel));
    } else if (d instanceof NotDescr not) {
      not.getDescrs().forEach(c -> element((BaseDescr) c, false));
    } else if (d instanceof ExistsDescr exists) {
      exists.getDescrs().forEach(c -> element((BaseDescr) c, false));
    } else if (d instanceof ForallDescr forall) {
      forall.getDescrs().forEach(c -> element(c, false));
    } else if (d instanceof PatternDescr pattern) {
      pattern(pattern, topLevel);
    } else {
      String kind = d.getClass().getSimpleName().replace("Descr", "").toLowerCase();
      report.refuse(rule, d, kind.isEmpty() ? "condition" : kind, "条件中不允许使用 " + kind,
          kind + " is not allowed in a rule condition: use patterns of the gate model with and, or, not, exists, forall and from");
    }
  }

  private void pattern(PatternDescr p, boolean topLevel) {
    if (p.getSource() != null && !(p.getSource() instanceof FromDescr)) {
      source(p.getSource(), p);
      return;
    }
    Optional<Class<?>> type = RuleAllowlist.type(p.getObjectType()).filter(RuleAllowlist::isFactType);
    if (type.isEmpty()) {
      report.refuse(rule, p, "fact-type", "不允许匹配 " + p.getObjectType() + "：只能匹配关卡模型的事实",
          "matching " + p.getObjectType() + " is not allowed: rules match only facts of the gate model "
              + "(GateRequest, Opportunity, Activity, Contact, Competitor, …)");
      return;
    }
    if (p.isQuery()) {
      report.refuse(rule, p, "query", "不允许调用查询", "calling a query is not allowed");
      return;
    }
    if (!p.getAnnotations().isEmpty() || !p.getBehaviors().isEmpty()) {
      report.refuse(rule, p, "annotation", "模式上不允许使用注解或行为（@…、over window）",
          "annotations and behaviours (@…, over window) are not allowed on a pattern");
    }
    source(p.getSource(), p);
    for (BaseDescr c : p.getDescrs()) {
      constraint(c, type.get());
    }
    if (p.getIdentifier() != null) {
      bind(p, p.getIdentifier(), type.get());
    }
    if (topLevel && p.getSource() == null && type.get() == GateRequest.class) {
      gates.addAll(gatesOf(p));
    }
  }

  private void source(PatternSourceDescr source, PatternDescr p) {
    if (source == null) {
      return;
    }
    if (!(source instanceof FromDescr from)) {
      String kind = source.getClass().getSimpleName().replace("Descr", "").toLowerCase();
      report.refuse(rule, p, kind, "不允许使用 " + kind + "：请用 not、exists 或 from 已绑定事实的属性",
          kind + " is not allowed: use not, exists, or from over a property of a bound fact");
      return;
    }
    try {
      if (!(from.getDataSource() instanceof MVELExprDescr expression)) {
        throw new RuleRefusal("from", "无法识别的 from 来源", "the source of from is not an expression");
      }
      Class<?> type = RuleExpressions.source(expression.getExpression(), bindings);
      if (type == null || !(Collection.class.isAssignableFrom(type) || RuleAllowlist.isFactType(type))) {
        throw new RuleRefusal("from", "from 的来源不是关卡模型的属性", "the source is not a property of the gate model");
      }
    } catch (RuleRefusal r) {
      report.refuse(rule, p, new RuleRefusal("from", "from 只能取已绑定事实的属性（如 from $o.competitors）：" + r.message().zh(),
          "from may only read a property of a bound fact (e.g. from $o.competitors): " + r.message().en()));
    }
  }

  private void constraint(BaseDescr c, Class<?> type) {
    try {
      if (c instanceof ExprConstraintDescr e) {
        RuleExpressions.constraint(e.getExpression(), type, bindings);
      } else if (c instanceof BindingDescr b) {
        RuleExpressions.requireBindingName(b.getVariable());
        RuleExpressions.constraint(b.getVariable() + " : " + b.getExpression(), type, bindings);
      } else {
        throw new RuleRefusal("constraint", "无法识别的约束", "this kind of constraint is not allowed");
      }
    } catch (RuleRefusal r) {
      report.refuse(rule, c.getLine() > 0 ? c : null, r);
    }
  }

  private void bind(PatternDescr p, String name, Class<?> type) {
    try {
      RuleExpressions.requireBindingName(name);
      bindings.put(name, type);
    } catch (RuleRefusal r) {
      report.refuse(rule, p, r);
    }
  }

  /** The gates of {@code GateRequest( process == "p", stage == "s" )}; none if either is not a plain literal. */
  private static Set<RuleSet.Gate> gatesOf(PatternDescr request) {
    List<String> processes = new ArrayList<>();
    List<String> stages = new ArrayList<>();
    for (BaseDescr c : request.getDescrs()) {
      if (c instanceof ExprConstraintDescr e) {
        try {
          literals(DrlTokens.of(e.getExpression()), processes, stages);
        } catch (RuleRefusal ignored) {
          // refused already by the check; covers nothing
        }
      }
    }
    Set<RuleSet.Gate> covered = new TreeSet<>();
    if (processes.size() == 1) {
      stages.forEach(s -> covered.add(new RuleSet.Gate(processes.get(0), s)));
    }
    return covered;
  }

  /** {@code name == "x"} and {@code name in ( "x", "y" )} for process and stage, also joined by &&. */
  private static void literals(List<Token> tokens, List<String> processes, List<String> stages) {
    if (tokens.stream().anyMatch(t -> t.is("||") || t.is("!") || t.is("!="))) {
      return;
    }
    int i = 0;
    while (i < tokens.size() - 1) {
      Token name = tokens.get(i);
      List<String> target = i > 0 && tokens.get(i - 1).is(".") ? null
          : name.is("process") ? processes : name.is("stage") ? stages : null;
      if (target != null && tokens.get(i + 1).is("==") && tokens.get(i + 2).kind() == Kind.STRING) {
        target.add(tokens.get(i + 2).text());
        i += 3;
      } else if (target == stages && target != null && tokens.get(i + 1).is("in") && tokens.get(i + 2).is("(")) {
        i += 3;
        while (i < tokens.size() && tokens.get(i).kind() == Kind.STRING) {
          stages.add(tokens.get(i).text());
          i += tokens.get(i + 1).is(",") ? 2 : 1;
        }
      } else {
        i++;
      }
    }
  }
}
