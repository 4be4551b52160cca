package io.oppflow.gate.internal;

import io.oppflow.gate.Criterion;
import io.oppflow.shared.Message;
import io.oppflow.gate.internal.DrlTokens.Kind;
import io.oppflow.gate.internal.DrlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a rule's consequence ({@code then …}) and refuses it unless it is nothing but
 * {@code insert( Finding.blocking( code, zh, en ) );} or {@code Finding.warning(…)} statements whose texts
 * are string literals, optionally joined with {@code +} to bound variables. That is all a gate rule needs
 * to say, and nothing in it can act: no calls, no {@code new}, no {@code modify}, no {@code drools.}.
 */
public final class RuleConsequences {

  private static final Set<String> INSERTS = Set.of("insert", "insertLogical");
  private static final Set<String> FINDINGS = Set.of("blocking", "warning");

  private final List<Token> tokens;
  private final Set<String> bindings;
  private final List<Criterion> criteria = new ArrayList<>();
  private int pos;

  private RuleConsequences(String consequence, Set<String> bindings) {
    this.tokens = DrlTokens.of(consequence);
    this.bindings = bindings;
  }

  /**
   * Checks {@code consequence} and returns the criteria it states with plain texts (code, zh and en string
   * literals): the rule set's catalogue of criteria, e.g. for the documentation.
   *
   * @throws RuleRefusal when the consequence is anything but such inserts
   */
  static List<Criterion> check(String consequence, Set<String> bindings) {
    if (consequence == null) {
      return List.of();
    }
    RuleConsequences read = new RuleConsequences(consequence, bindings);
    read.statements();
    return read.criteria;
  }

  private void statements() {
    while (peek().kind() != Kind.END) {
      Token first = next();
      if (!(first.kind() == Kind.NAME && INSERTS.contains(first.text()))) {
        throw refused(first);
      }
      expect("(");
      expect("Finding");
      expect(".");
      Token kind = next();
      if (!FINDINGS.contains(kind.text())) {
        throw refused(kind);
      }
      expect("(");
      String code = text();
      expect(",");
      String zh = text();
      expect(",");
      String en = text();
      expect(")");
      expect(")");
      expect(";");
      if (code != null && zh != null && en != null) {
        criteria.add(new Criterion(code, new Message(zh, en), kind.text().equals("blocking")));
      }
    }
  }

  /** Reads one text argument; returns it when it is one string literal, null when it joins bound variables. */
  private String text() {
    String literal = term();
    while (peek().is("+")) {
      next();
      term();
      literal = null;
    }
    return literal;
  }

  private String term() {
    Token t = next();
    if (t.kind() == Kind.STRING) {
      return t.text().replaceAll("\\\\(.)", "$1");
    }
    if (t.kind() == Kind.NAME && t.text().startsWith("$") && bindings.contains(t.text()) && !peek().is(".")) {
      return null;
    }
    throw refused(t);
  }

  private RuleRefusal refused(Token t) {
    String construct = switch (t.text()) {
      case "modify", "update", "retract", "delete" -> "modify";
      case "drools", "kcontext" -> "drools-context";
      case "new" -> "new";
      case "System", "Runtime", "Class", "Thread", "ProcessBuilder" -> "static-call";
      default -> t.kind() == Kind.NAME && peek().is(".") ? (t.text().startsWith("$") ? "method-call" : "static-call")
          : "consequence";
    };
    String shown = t.kind() == Kind.END ? "the end" : "'" + t.text() + "'";
    return new RuleRefusal(construct, "结论（then）中不允许出现 " + shown
        + "：结论只能是 insert( Finding.blocking(…) ) 或 insert( Finding.warning(…) )，参数为字符串或绑定变量",
        shown + " is not allowed in a consequence (then): it may only insert( Finding.blocking(…) ) or "
            + "insert( Finding.warning(…) ) with strings or bound variables as texts");
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.END) {
      pos++;
    }
    return t;
  }

  private void expect(String text) {
    Token t = next();
    if (!t.is(text)) {
      throw refused(t);
    }
  }
}
