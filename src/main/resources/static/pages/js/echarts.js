/* Apache ECharts from its Maven Central jar (org.mvnpm:echarts, the version in pom.xml): the one place naming it. */
export * from '/_static/echarts/6.0.0/dist/echarts.esm.min.js';
