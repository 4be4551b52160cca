package io.oppflow.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The markdown tables of {@link ThroughputBench}: rates and ratios per round, statements, CPU and lock wait per operation. */
final class ThroughputReport {

  static final double GOAL_RATIO = 0.85;
  static final double GOAL_STATEMENTS = 1.3;
  private static final List<Arm> PRODUCT = List.of(Arm.PRODUCT_ADVANCE, Arm.PRODUCT_CREATE);

  private final List<Arm.Run> runs;
  private final int[] clients;
  private final String header;

  ThroughputReport(List<Arm.Run> runs, int[] clients, int seconds, int rounds, int warmUp, String loadBefore,
      String loadAfter) {
    this.runs = runs;
    this.clients = clients;
    this.header = String.format(Locale.ROOT, "%n%d measured rounds (after %d warm-up) of %d s per arm; /proc/loadavg before: %s,"
        + " after: %s%n", rounds, warmUp, seconds, loadBefore, loadAfter);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(header);
    out.append("\n| clients | product advance/s | plain advance/s | product ÷ plain, median (min–max) | product create/s"
        + " | plain create/s | product ÷ plain, median (min–max) | statements per advance, product / plain"
        + " | statements per create, product / plain |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    boolean ratiosMet = true;
    boolean statementsMet = true;
    for (int n : clients) {
      out.append("| ").append(n);
      for (Arm product : PRODUCT) {
        double[] ratios = ratios(n, product);
        ratiosMet &= median(ratios) >= GOAL_RATIO;
        out.append(String.format(Locale.ROOT, " | %.1f | %.1f | %.2f (%.2f–%.2f)", median(rates(n, product)),
            median(rates(n, product.plain())), median(ratios), ratios[0], ratios[ratios.length - 1]));
      }
      for (Arm product : PRODUCT) {
        double mine = perOp(n, product, r -> StatementCounts.sent(r.statements()));
        double plain = perOp(n, product.plain(), r -> StatementCounts.sent(r.statements()));
        statementsMet &= product != Arm.PRODUCT_ADVANCE || mine <= GOAL_STATEMENTS * plain;
        out.append(String.format(Locale.ROOT, " | %.0f (%.0f) / %.0f (%.0f)", mine,
            perOp(n, product, r -> StatementCounts.all(r.statements())), plain,
            perOp(n, product.plain(), r -> StatementCounts.all(r.statements()))));
      }
      out.append(" |\n");
    }
    out.append(String.format(Locale.ROOT, "%nGoals: product ÷ plain >= %.2f at every client count, advance and create: %s;"
        + " statements per advance <= %.1f x plain's: %s%n", GOAL_RATIO, ratiosMet ? "met" : "NOT met", GOAL_STATEMENTS,
        statementsMet ? "met" : "NOT met"));
    out.append("\nStatements: sent by the service (top level), in brackets with those run inside them (foreign-key"
        + " checks, triggers).\n");
    statements(out);
    cpu(out);
    return out.toString();
  }

  /** Statements per operation by what they touch, all client counts together. */
  private void statements(StringBuilder out) {
    out.append("\nStatements per operation (pg_stat_statements calls ÷ operations, all client counts):\n\n| arm | ");
    out.append(String.join(" | ", StatementCounts.GROUPS)).append(" | sent (top level) | all |\n|---|")
        .append("---:|".repeat(StatementCounts.GROUPS.length + 2)).append('\n');
    for (Arm arm : Arm.values()) {
      List<Arm.Run> of = runs.stream().filter(r -> r.arm() == arm).toList();
      double ops = of.stream().mapToLong(Arm.Run::operations).sum();
      out.append("| ").append(arm.label);
      for (String group : StatementCounts.GROUPS) {
        out.append(String.format(Locale.ROOT, " | %.1f", of.stream().mapToLong(r -> r.statements().get(group)).sum() / ops));
      }
      out.append(String.format(Locale.ROOT, " | %.1f | %.1f |%n", of.stream().mapToLong(r -> StatementCounts.sent(r.statements())).sum() / ops,
          of.stream().mapToLong(r -> StatementCounts.all(r.statements())).sum() / ops));
    }
  }

  /** CPU of the service and of PostgreSQL per operation, and the sampled lock wait per operation. */
  private void cpu(StringBuilder out) {
    out.append("\n| clients | operation | service CPU ms/op, product / plain (ratio) | PostgreSQL CPU ms/op, product / plain"
        + " (ratio) | lock wait ms/op, product / plain |\n|---:|---|---:|---:|---:|\n");
    for (int n : clients) {
      for (Arm product : PRODUCT) {
        double service = perOp(n, product, Arm.Run::serviceCpu) / 1e6;
        double servicePlain = perOp(n, product.plain(), Arm.Run::serviceCpu) / 1e6;
        double database = perOp(n, product, Arm.Run::databaseCpu) / 1e6;
        double databasePlain = perOp(n, product.plain(), Arm.Run::databaseCpu) / 1e6;
        out.append(String.format(Locale.ROOT, "| %d | %s | %.2f / %.2f (%.2f) | %.2f / %.2f (%.2f) | %.2f / %.2f |%n", n,
            product.isAdvance() ? "advance" : "create", service, servicePlain, service / servicePlain, database,
            databasePlain, database / databasePlain, perOp(n, product, Arm.Run::lockWaitMs),
            perOp(n, product.plain(), Arm.Run::lockWaitMs)));
      }
    }
  }

  private List<Arm.Run> of(int n, Arm arm) {
    return runs.stream().filter(r -> r.clients() == n && r.arm() == arm).toList();
  }

  private double[] rates(int n, Arm arm) {
    return of(n, arm).stream().mapToDouble(Arm.Run::perSecond).sorted().toArray();
  }

  /** Product ÷ plain of each round, sorted. */
  private double[] ratios(int n, Arm product) {
    List<Arm.Run> mine = of(n, product);
    List<Arm.Run> plain = of(n, product.plain());
    double[] r = new double[mine.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = mine.get(i).perSecond() / plain.get(i).perSecond();
    }
    Arrays.sort(r);
    return r;
  }

  private double perOp(int n, Arm arm, ToDoubleFunction<Arm.Run> total) {
    List<Arm.Run> of = of(n, arm);
    return of.stream().mapToDouble(total).sum() / of.stream().mapToLong(Arm.Run::operations).sum();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
