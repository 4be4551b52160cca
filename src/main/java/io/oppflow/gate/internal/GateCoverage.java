package io.oppflow.gate.internal;

import io.oppflow.gate.GateRequest;
import io.oppflow.gate.RuleSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.rule.constraint.Constraint;
import org.drools.core.common.DefaultFactHandle;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * Which gates the compiled rules cover, asked of the compiled rule base itself rather than of the rule text,
 * so a DRL rule and a decision-table row count alike, whatever way they write the guard.
 *
 * <p>A rule covers the gate ({@code process}, {@code stage}) when one of its top-level {@code GateRequest}
 * patterns accepts the request of that gate, and none rejects it, and its guard is specific to the gate: it
 * rejects the same stage of another process and another stage of the same process. So
 * {@code GateRequest( process == "p", stage == "s" )} and {@code stage in ( "s", "t" )} cover, while a rule
 * that runs at every gate ({@code GateRequest()}, {@code stage != "x"}) or only excludes one
 * ({@code not GateRequest(…)}) covers none. A guard with a constraint that is not a plain test of the request
 * itself covers nothing either: coverage fails closed, and such a gate fails with {@code GATE-NO-RULES}. The
 * answer is kept per gate.
 */
public final class GateCoverage {

  /** A stage or process no gate has: what "another" stage or process is for the specificity check. */
  private static final String ELSEWHERE = "\u0000elsewhere";
  private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);
  private static final int MAX_ANSWERS = 1024;

  /** The top-level GateRequest patterns of one rule: all must accept, per branch of a top-level {@code or}. */
  private final List<List<Pattern>> guards = new ArrayList<>();
  private final Supplier<KieSession> sessions;
  private final Map<RuleSet.Gate, Boolean> answers = new ConcurrentHashMap<>();

  private GateCoverage(Supplier<KieSession> sessions) {
    this.sessions = sessions;
  }

  public static GateCoverage of(KieBase base, Supplier<KieSession> sessions) {
    GateCoverage coverage = new GateCoverage(sessions);
    for (KiePackage pkg : base.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        if (rule instanceof RuleImpl impl && !impl.isQuery()) {
          ways(impl.getLhs()).stream().filter(way -> !way.isEmpty()).forEach(coverage.guards::add);
        }
      }
    }
    return coverage;
  }

  /** Nothing covered: the rule set of no rules. */
  public static GateCoverage none() {
    return new GateCoverage(() -> null);
  }

  public boolean covers(String process, String stage) {
    RuleSet.Gate gate = new RuleSet.Gate(process, stage);
    // The gates asked are those of the deployed processes; the bound only keeps odd callers from growing it.
    return answers.size() < MAX_ANSWERS ? answers.computeIfAbsent(gate, this::probe)
        : answers.getOrDefault(gate, probe(gate));
  }

  private boolean probe(RuleSet.Gate gate) {
    if (guards.isEmpty()) {
      return false;
    }
    KieSession session = sessions.get();
    try {
      ValueResolver resolver = (ValueResolver) session;
      for (List<Pattern> guard : guards) {
        if (accepts(guard, gate.process(), gate.stage(), resolver)
            && !accepts(guard, ELSEWHERE, gate.stage(), resolver)
            && !accepts(guard, gate.process(), ELSEWHERE, resolver)) {
          return true;
        }
      }
      return false;
    } finally {
      session.dispose();
    }
  }

  /**
   * The GateRequest patterns of each way {@code element} can match: {@code and} joins its children's ways,
   * {@code or} is the ways of any child; what is inside {@code not}, {@code exists} or {@code forall} guards nothing.
   */
  private static List<List<Pattern>> ways(RuleConditionElement element) {
    if (element instanceof Pattern p) {
      boolean request = p.getSource() == null && p.getObjectType() instanceof ClassObjectType type
          && type.getClassType() == GateRequest.class;
      return List.of(request ? List.of(p) : List.of());
    }
    if (!(element instanceof GroupElement group) || !(group.isAnd() || group.getType() == GroupElement.Type.OR)) {
      return List.of(List.of());
    }
    if (group.getType() == GroupElement.Type.OR) {
      List<List<Pattern>> any = new ArrayList<>();
      group.getChildren().forEach(child -> any.addAll(ways(child)));
      return any;
    }
    List<List<Pattern>> all = List.of(List.of());
    for (RuleConditionElement child : group.getChildren()) {
      List<List<Pattern>> joined = new ArrayList<>();
      for (List<Pattern> left : all) {
        for (List<Pattern> right : ways(child)) {
          List<Pattern> both = new ArrayList<>(left);
          both.addAll(right);
          joined.add(both);
        }
      }
      all = joined;
    }
    return all;
  }

  /** Whether every alpha constraint of every pattern accepts the request; another kind of constraint never does. */
  private static boolean accepts(List<Pattern> guard, String process, String stage, ValueResolver resolver) {
    DefaultFactHandle handle = new DefaultFactHandle(0, new GateRequest(process, stage, ANY_DAY));
    for (Pattern pattern : guard) {
      for (Constraint constraint : pattern.getConstraints()) {
        if (!(constraint instanceof AlphaNodeFieldConstraint alpha)) {
          return false;
        }
        try {
          if (!alpha.isAllowed(handle, resolver)) {
            return false;
          }
        } catch (RuntimeException e) {
          return false;
        }
      }
    }
    return true;
  }
}
