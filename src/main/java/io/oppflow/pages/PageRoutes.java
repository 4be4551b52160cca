package io.oppflow.pages;

import java.util.Map;
import java.util.Optional;

/** The pages and the HTML file under {@code static/pages/} each route serves. */
final class PageRoutes {

  static final String HOME = "/";
  static final String FUNNEL = "/funnel";
  static final String COMPARE = "/compare";
  static final String FORECAST = "/forecast";
  static final String HEATMAP = "/heatmap";
  static final String WARNINGS = "/warnings";
  static final String COMPLIANCE = "/compliance";
  static final String OPPORTUNITY = "/opportunity";
  static final String RULES = "/rules";

  /** Everything the pages load besides their routes: their own scripts and styles, ECharts and bpmn-js. */
  static final String[] ASSETS = {"/pages/**", "/_static/echarts/**", "/_static/bpmn-js/**"};

  private static final Map<String, String> FILES = Map.of(
      HOME, "index.html",
      FUNNEL, "funnel.html",
      COMPARE, "compare.html",
      FORECAST, "forecast.html",
      HEATMAP, "heatmap.html",
      WARNINGS, "warnings.html",
      COMPLIANCE, "compliance.html",
      OPPORTUNITY, "opportunity.html",
      RULES, "rules.html");

  private PageRoutes() {}

  static String[] routes() {
    return FILES.keySet().toArray(String[]::new);
  }

  static Optional<String> file(String route) {
    return Optional.ofNullable(FILES.get(route));
  }
}
