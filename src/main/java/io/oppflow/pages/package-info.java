/**
 * oppflow's own browser pages for managers and sales operations (funnel first), served at {@code /} beside the
 * Camunda webapps and signed in by their login. Plain HTML and ES modules under {@code static/pages/}, no build
 * step; charts by Apache ECharts from its Maven Central jar. To add a page: its route in {@link PageRoutes}, its
 * HTML and script under {@code static/pages/}, its texts in {@code static/pages/js/messages.js} (docs/pages.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Browser pages", allowedDependencies = {"security"})
package io.oppflow.pages;
