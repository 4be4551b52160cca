package io.oppflow.gate.internal;

import io.oppflow.gate.Finding;
import io.oppflow.gate.GateRequest;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.ActivityType;
import io.oppflow.opportunity.Budget;
import io.oppflow.opportunity.BudgetStatus;
import io.oppflow.opportunity.Competitor;
import io.oppflow.opportunity.CompetitorStatus;
import io.oppflow.opportunity.Contact;
import io.oppflow.opportunity.Contract;
import io.oppflow.opportunity.Customer;
import io.oppflow.opportunity.CustomerType;
import io.oppflow.opportunity.EconomicHealth;
import io.oppflow.opportunity.Loss;
import io.oppflow.opportunity.LossReason;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityStatus;
import io.oppflow.opportunity.ProjectType;
import io.oppflow.opportunity.SelectionTeam;
import io.oppflow.opportunity.Solution;
import io.oppflow.opportunity.SystemStatus;
import io.oppflow.opportunity.Timeline;
import io.oppflow.opportunity.VendorStatus;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an uploaded rule may name: the gate model's types and their getters, and a few pure helpers of
 * the values they return. Everything else is refused by {@link RuleSetChecker}; see docs/stage-gates.md.
 */
public final class RuleAllowlist {

  /** Facts a rule may match (a pattern's type) and read through their getters. */
  static final Set<Class<?>> MODEL = Set.of(GateRequest.class, Finding.class, Opportunity.class, Activity.class,
      Contact.class, Competitor.class, Customer.class, Budget.class, SelectionTeam.class, Timeline.class,
      Solution.class, Contract.class, Loss.class);

  /** Enumerations whose constants a rule may name, e.g. {@code VendorStatus.SOLE}. */
  static final Set<Class<?>> ENUMS = Set.of(ActivityType.class, BudgetStatus.class, CompetitorStatus.class,
      CustomerType.class, EconomicHealth.class, LossReason.class, OpportunityStatus.class, ProjectType.class,
      SystemStatus.class, VendorStatus.class, DayOfWeek.class, Month.class);

  /** The imports a rule file may have; {@code io.oppflow.opportunity.*} brings only the model types into reach. */
  static final Set<String> IMPORTS = Stream.of(
          Stream.of("io.oppflow.opportunity.*", "java.time.LocalDate", "java.time.Instant", "java.math.BigDecimal"),
          MODEL.stream().map(Class::getName), ENUMS.stream().map(Class::getName))
      .flatMap(s -> s).collect(Collectors.toUnmodifiableSet());

  private static final Set<String> COMPARABLE = Set.of("equals", "compareTo");

  /** Pure methods of value types, by the type that declares them (zero or more arguments). */
  private static final Map<Class<?>, Set<String>> HELPERS = Map.of(
      String.class, Set.of("isBlank", "isEmpty", "length", "contains", "startsWith", "endsWith", "equals",
          "equalsIgnoreCase", "compareTo", "trim", "strip", "toLowerCase", "toUpperCase", "substring"),
      Collection.class, Set.of("size", "isEmpty", "contains"),
      LocalDate.class, Set.of("isBefore", "isAfter", "isEqual", "equals", "compareTo", "plusDays", "minusDays",
          "plusWeeks", "minusWeeks", "plusMonths", "minusMonths", "plusYears", "minusYears", "getYear",
          "getMonthValue", "getMonth", "getDayOfMonth", "getDayOfWeek", "getDayOfYear", "lengthOfMonth"),
      Instant.class, Set.of("isBefore", "isAfter", "equals", "compareTo"),
      BigDecimal.class, Set.of("compareTo", "equals", "signum", "abs", "negate", "add", "subtract", "multiply",
          "intValue", "longValue", "doubleValue"),
      Number.class, Set.of("compareTo", "equals", "intValue", "longValue", "doubleValue"),
      Boolean.class, Set.of("equals", "booleanValue"),
      Enum.class, Set.of("name", "ordinal", "equals", "compareTo"));

  /** Static members that are values, not actions: constants and {@code LocalDate.of/parse}. */
  private static final Map<Class<?>, Set<String>> STATIC_VALUES = Map.of(
      BigDecimal.class, Set.of("ZERO", "ONE", "TEN"),
      LocalDate.class, Set.of("of", "parse"));

  private static final Map<String, Class<?>> TYPES_BY_NAME = typesByName();

  private RuleAllowlist() {}

  /** An allowed type by its simple or qualified name, as a rule writes it. */
  static Optional<Class<?>> type(String name) {
    return Optional.ofNullable(TYPES_BY_NAME.get(name));
  }

  static boolean isFactType(Class<?> type) {
    return MODEL.contains(type);
  }

  /** The type {@code owner.name} reads (a getter of a model type, or a helper such as {@code date.year}). */
  static Optional<Class<?>> property(Class<?> owner, String name) {
    if (name.isEmpty() || !Character.isLowerCase(name.charAt(0))) {
      return Optional.empty();
    }
    String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return method(owner, "get" + cap, 0).or(() -> method(owner, "is" + cap, 0));
  }

  /** The type {@code owner.name(args)} returns, if that is a getter of a model type or a named pure helper. */
  static Optional<Class<?>> method(Class<?> owner, String name, int arity) {
    Class<?> boxed = box(owner);
    boolean allowed = MODEL.contains(boxed) ? isGetter(name, arity) : isHelper(boxed, name);
    if (!allowed || "getClass".equals(name)) {
      return Optional.empty();
    }
    return Arrays.stream(boxed.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == arity && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getDeclaringClass() != Object.class || COMPARABLE.contains(name))
        .map(Method::getReturnType).findFirst().map(RuleAllowlist::box);
  }

  /** The type of {@code Owner.name} or {@code Owner.name(args)} when it is an allowed constant or value factory. */
  static Optional<Class<?>> staticMember(Class<?> owner, String name, boolean call) {
    if (owner.isEnum() && !call) {
      return Arrays.stream(owner.getEnumConstants()).map(c -> ((Enum<?>) c).name()).anyMatch(name::equals)
          ? Optional.of(owner) : Optional.empty();
    }
    Set<String> values = STATIC_VALUES.getOrDefault(owner, Set.of());
    if (!values.contains(name)) {
      return Optional.empty();
    }
    if (call) {
      return Arrays.stream(owner.getMethods()).filter(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()))
          .map(Method::getReturnType).findFirst();
    }
    return Optional.of(owner);
  }

  private static boolean isGetter(String name, int arity) {
    return arity == 0 && (name.matches("get[A-Z]\\w*") || name.matches("is[A-Z]\\w*"));
  }

  private static boolean isHelper(Class<?> owner, String name) {
    return HELPERS.entrySet().stream().anyMatch(e -> e.getKey().isAssignableFrom(owner) && e.getValue().contains(name));
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "boolean" -> Boolean.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      default -> type;
    };
  }

  private static Map<String, Class<?>> typesByName() {
    Map<String, Class<?>> types = new HashMap<>();
    for (Class<?> type : Stream.of(MODEL, ENUMS, List.of(LocalDate.class, Instant.class, BigDecimal.class))
        .flatMap(Collection::stream).toList()) {
      types.put(type.getSimpleName(), type);
      types.put(type.getName(), type);
    }
    return Map.copyOf(types);
  }
}
