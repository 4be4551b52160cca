package io.oppflow.gate.internal;

import io.oppflow.gate.internal.DrlTokens.Kind;
import io.oppflow.gate.internal.DrlTokens.Token;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one condition expression of a rule (a pattern's constraint or the source of a {@code from}) and
 * refuses it unless every name in it is a property of the pattern's type, a bound variable, an allowed
 * constant, or a call of a getter or pure helper on a value whose type is known ({@link RuleAllowlist}).
 * Types are followed along each path, so {@code vendorStatus.declaringClass} is refused like
 * {@code getClass()}: the check does not trust what a name looks like, only what it resolves to.
 */
public final class RuleExpressions {

  private static final int MAX_DEPTH = 64;
  private static final Set<String> BINARY = Set.of("==", "!=", "<", "<=", ">", ">=", "&&", "||", "+", "-", "*", "/", "%");
  private static final Set<String> RELATIONAL = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Set<String> KEYWORD_OPERATORS = Set.of("in", "contains", "memberOf", "excludes");
  private static final Map<String, String> REFUSED_OPERATORS = Map.of(
      "matches", "a regular expression can stall a gate; use startsWith, endsWith or contains",
      "soundslike", "use == or contains", "str", "use startsWith, endsWith or length");

  /** What an operand is: a value of a known (or unknown, null) type, or the name of a type. */
  private record Operand(Class<?> type, boolean typeName) {
    static Operand value(Class<?> type) {
      return new Operand(type, false);
    }
  }

  private final List<Token> tokens;
  private final Class<?> self;
  private final Map<String, Class<?>> bindings;
  private int pos;
  private int depth;

  private RuleExpressions(String expression, Class<?> self, Map<String, Class<?>> bindings) {
    this.tokens = DrlTokens.of(expression);
    this.self = self;
    this.bindings = bindings;
  }

  /** Checks a constraint of a pattern of type {@code self}; a binding ({@code $x : path}) joins {@code bindings}. */
  static void constraint(String expression, Class<?> self, Map<String, Class<?>> bindings) {
    RuleExpressions reader = new RuleExpressions(expression, self, bindings);
    String binding = reader.binding();
    Class<?> type = reader.expression();
    reader.expectEnd();
    if (binding != null) {
      bindings.put(binding, type);
    }
  }

  /** Checks the source of {@code from}: a path over bound facts. Returns its type, if known. */
  static Class<?> source(String expression, Map<String, Class<?>> bindings) {
    RuleExpressions reader = new RuleExpressions(expression, null, bindings);
    Class<?> type = reader.postfix().type();
    reader.expectEnd();
    return type;
  }

  /** The variable a constraint binds ({@code $x : path}), or null. */
  private String binding() {
    if (peek().kind() == Kind.NAME && (ahead(1).is(":") || ahead(1).is(":="))) {
      String name = next().text();
      next();
      requireBindingName(name);
      return name;
    }
    return null;
  }

  static void requireBindingName(String name) {
    if (!name.startsWith("$")) {
      throw new RuleRefusal("binding", "绑定变量名须以 $ 开头：" + name,
          "a bound variable's name must start with $: " + name);
    }
  }

  private Class<?> expression() {
    if (++depth > MAX_DEPTH) {
      throw new RuleRefusal("nesting", "条件嵌套过深", "the condition is nested too deeply");
    }
    Operand first = operand();
    boolean single = true;
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.OP && BINARY.contains(t.text())) {
        next();
        operand();
      } else if (t.is("not") && KEYWORD_OPERATORS.contains(ahead(1).text())) {
        next();
        keywordOperand(next().text());
      } else if (t.kind() == Kind.NAME && KEYWORD_OPERATORS.contains(t.text())) {
        next();
        keywordOperand(t.text());
      } else if (t.kind() == Kind.NAME && REFUSED_OPERATORS.containsKey(t.text())) {
        throw new RuleRefusal("operator-" + t.text(), "不允许使用运算符 " + t.text(),
            "the operator '" + t.text() + "' is not allowed: " + REFUSED_OPERATORS.get(t.text()));
      } else {
        break;
      }
      single = false;
    }
    depth--;
    return single && !first.typeName() ? first.type() : null;
  }

  private void keywordOperand(String operator) {
    if (!"in".equals(operator)) {
      operand();
      return;
    }
    expect("(");
    expression();
    while (peek().is(",")) {
      next();
      expression();
    }
    expect(")");
  }

  private Operand operand() {
    Token t = peek();
    if (t.kind() == Kind.OP && RELATIONAL.contains(t.text())) {
      next(); // the right half of a constraint such as "amount > 10 && < 20"
      t = peek();
    }
    if (t.is("!") || t.is("-") || t.is("+")) {
      next();
      if (++depth > MAX_DEPTH) {
        throw new RuleRefusal("nesting", "条件嵌套过深", "the condition is nested too deeply");
      }
      operand();
      depth--;
      return Operand.value(null);
    }
    return postfix();
  }

  private Operand postfix() {
    Operand operand = primary();
    while (peek().is(".") || peek().is("!.")) {
      next();
      String name = expectName();
      boolean call = peek().is("(");
      int arity = call ? arguments() : 0;
      operand = member(operand, name, call, arity);
    }
    if (operand.typeName()) {
      throw refusedSyntax(peek());
    }
    return operand;
  }

  private Operand member(Operand owner, String name, boolean call, int arity) {
    String shown = name + (call ? "(…)" : "");
    if (owner.typeName()) {
      Optional<Class<?>> member = RuleAllowlist.staticMember(owner.type(), name, call);
      return Operand.value(member.orElseThrow(() -> staticRefusal(owner.type().getSimpleName(), shown, call)));
    }
    if (owner.type() == null) {
      throw new RuleRefusal(call ? "method-call" : "property", "无法确定 ." + shown + " 的对象类型，不允许调用",
          "." + shown + " is read from a value whose type the check cannot know, so it is not allowed");
    }
    Optional<Class<?>> type = call ? RuleAllowlist.method(owner.type(), name, arity) : RuleAllowlist.property(owner.type(), name);
    return Operand.value(type.orElseThrow(() -> memberRefusal(owner.type(), shown, call)));
  }

  private Operand primary() {
    Token t = next();
    switch (t.kind()) {
      case STRING:
        return Operand.value(String.class);
      case NUMBER:
        return Operand.value(Number.class);
      case NAME:
        return name(t.text());
      default:
        if (t.is("(")) {
          Class<?> type = expression();
          expect(")");
          return Operand.value(type);
        }
        throw refusedSyntax(t);
    }
  }

  private Operand name(String name) {
    switch (name) {
      case "true", "false":
        return Operand.value(Boolean.class);
      case "null":
        return Operand.value(null);
      case "new":
        throw new RuleRefusal("new", "条件中不允许创建对象（new " + peek().text() + "…）",
            "creating objects (new " + peek().text() + "…) is not allowed in a rule");
      case "this":
        if (self == null) {
          throw refusedName(name);
        }
        return Operand.value(self);
      default:
        break;
    }
    if (name.startsWith("$") || bindings.containsKey(name)) {
      if (!bindings.containsKey(name)) {
        throw new RuleRefusal("name", "未绑定的变量 " + name, name + " is not bound before it is used");
      }
      return Operand.value(bindings.get(name));
    }
    if (peek().is("(")) {
      int arity = arguments();
      Optional<Class<?>> type = self == null ? Optional.empty() : RuleAllowlist.method(self, name, arity);
      return Operand.value(type.orElseThrow(() -> new RuleRefusal("function-call", "不允许调用函数 " + name + "(…)",
          "calling " + name + "(…) is not allowed: a rule may call only getters of the gate model and the named pure helpers")));
    }
    Optional<Class<?>> property = self == null ? Optional.empty() : RuleAllowlist.property(self, name);
    if (property.isPresent()) {
      return Operand.value(property.get());
    }
    Optional<Class<?>> type = RuleAllowlist.type(name);
    if (type.isPresent()) {
      return new Operand(type.get(), true);
    }
    if (peek().is(".") && ahead(1).kind() == Kind.NAME) {
      // a class or a qualified name such as java.nio.file.Files.exists(…): name it whole in the refusal
      StringBuilder member = new StringBuilder(ahead(1).text());
      int n = 2;
      while (ahead(n).is(".") && ahead(n + 1).kind() == Kind.NAME) {
        member.append('.').append(ahead(n + 1).text());
        n += 2;
      }
      boolean call = ahead(n).is("(");
      throw staticRefusal(name, member + (call ? "(…)" : ""), call);
    }
    throw refusedName(name);
  }

  private int arguments() {
    expect("(");
    if (peek().is(")")) {
      next();
      return 0;
    }
    int arity = 1;
    expression();
    while (peek().is(",")) {
      next();
      expression();
      arity++;
    }
    expect(")");
    return arity;
  }

  private RuleRefusal staticRefusal(String owner, String member, boolean call) {
    return new RuleRefusal(call ? "static-call" : "static-field", "不允许使用 " + owner + "." + member,
        owner + "." + member + " is not allowed: a rule may name only enum constants of the gate model, "
            + "BigDecimal.ZERO/ONE/TEN and LocalDate.of/parse");
  }

  private RuleRefusal memberRefusal(Class<?> owner, String member, boolean call) {
    return new RuleRefusal(call ? "method-call" : "property", "不允许在 " + owner.getSimpleName() + " 上使用 ." + member,
        "." + member + " on " + owner.getSimpleName() + " is not allowed: only getters of the gate model and the "
            + "named pure helpers (docs/stage-gates.md)");
  }

  private RuleRefusal refusedName(String name) {
    String where = self == null ? "" : self.getSimpleName() + " 的属性、";
    String whereEn = self == null ? "" : "a property of " + self.getSimpleName() + ", ";
    return new RuleRefusal("name", "'" + name + "' 不是" + where + "已绑定的变量或允许的类型",
        "'" + name + "' is not " + whereEn + "a bound variable or an allowed type");
  }

  private static RuleRefusal refusedSyntax(Token t) {
    String construct = switch (t.text()) {
      case "=" -> "assignment";
      case ";" -> "statement";
      case "[", "]" -> "index";
      case "{", "}" -> "block";
      case "#" -> "inline-cast";
      case "?" -> "conditional";
      case "/" -> "oopath";
      default -> "syntax";
    };
    String shown = t.kind() == Kind.END ? "the end" : "'" + t.text() + "'";
    return new RuleRefusal(construct, "条件中不允许出现 " + shown, shown + " is not allowed here in a rule condition");
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token ahead(int n) {
    return tokens.get(Math.min(pos + n, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.END) {
      pos++;
    }
    return t;
  }

  private void expect(String op) {
    Token t = next();
    if (!t.is(op)) {
      throw refusedSyntax(t);
    }
  }

  private String expectName() {
    Token t = next();
    if (t.kind() != Kind.NAME) {
      throw refusedSyntax(t);
    }
    return t.text();
  }

  private void expectEnd() {
    if (peek().kind() != Kind.END) {
      throw refusedSyntax(peek());
    }
  }
}
