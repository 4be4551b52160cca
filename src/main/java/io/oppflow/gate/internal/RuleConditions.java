package io.oppflow.gate.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
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
 * refused.
 */
public final class RuleConditions {

  private final RuleSetChecker.Reporter report;
  private final String rule;
  private final Map<String, Class<?>> bindings = RuleSetChecker.newBindings();

  RuleConditions(RuleSetChecker.Reporter report, String rule) {
    this.report = report;
    this.rule = rule;
  }

  Map<String, Class<?>> bindings() {
    return bindings;
  }

  void check(AndDescr lhs) {
    if (lhs == null) {
      return;
    }
    element(lhs);
  }

  private void element(BaseDescr d) {
    if (d instanceof AndDescr and) {
      and.getDescrs().forEach(c -> element(c));
    } else if (d instanceof OrDescr or) {
      or.getDescrs().forEach(c -> element(c));
    } else if (d instanceof NotDescr not) {
      not.getDescrs().forEach(c -> element((BaseDescr) c));
    } else if (d instanceof ExistsDescr exists) {
      exists.getDescrs().forEach(c -> element((BaseDescr) c));
    } else if (d instanceof ForallDescr forall) {
      forall.getDescrs().forEach(c -> element(c));
    } else if (d instanceof PatternDescr pattern) {
      pattern(pattern);
    } else {
      String kind = d.getClass().getSimpleName().replace("Descr", "").toLowerCase();
      report.refuse(rule, d, kind.isEmpty() ? "condition" : kind, "条件中不允许使用 " + kind,
          kind + " is not allowed in a rule condition: use patterns of the gate model with and, or, not, exists, forall and from");
    }
  }

  private void pattern(PatternDescr p) {
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
}
