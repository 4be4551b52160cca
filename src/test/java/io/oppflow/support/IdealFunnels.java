package io.oppflow.support;

/** Ideal funnels the tests put to {@code /api/ideal-funnels}. */
public final class IdealFunnels {

  /**
   * The project-sales funnel's ideal conversions; their products from the bottom up are 0.9, 0.81, 0.729, 0.6561,
   * 0.45927, 0.229635, 0.183708. It names its process: with two stage processes deployed, a plan without one is refused.
   */
  public static final String PROJECT_SALES = """
      {"process": "project-sales-funnel", "stages": [
        {"stage": "TARGET", "targetConversion": 0.8}, {"stage": "DISCOVER", "targetConversion": 0.5},
        {"stage": "CONFIRM_INTENT", "targetConversion": 0.7}, {"stage": "INITIATE_PROJECT", "targetConversion": 0.9},
        {"stage": "WIN_RECOGNITION", "targetConversion": 0.9}, {"stage": "NEGOTIATE", "targetConversion": 0.9},
        {"stage": "CLOSE", "targetConversion": 0.9}],
       "targetRevenue": 1000000, "averageDealSize": 100000}
      """;

  private IdealFunnels() {}
}
