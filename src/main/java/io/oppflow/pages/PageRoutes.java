package io.oppflow.pages;

import java.util.Map;
import java.util.Optional;

/** The pages and the HTML file under {@code static/pages/} each route serves. */
final class PageRoutes {

  static final String HOME = "/";
  static final String FUNNEL = "/funnel";

  /** Everything the pages load besides their routes: their own scripts and styles, and ECharts' jar. */
  static final String[] ASSETS = {"/pages/**", "/_static/echarts/**"};

  private static final Map<String, String> FILES = Map.of(
      HOME, "index.html",
      FUNNEL, "funnel.html");

  private PageRoutes() {}

  static String[] routes() {
    return FILES.keySet().toArray(String[]::new);
  }

  static Optional<String> file(String route) {
    return Optional.ofNullable(FILES.get(route));
  }
}
