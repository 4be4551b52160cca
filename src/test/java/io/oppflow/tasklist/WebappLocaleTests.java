package io.oppflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * oppflow's Simplified Chinese for Camunda's Tasklist and Welcome apps ({@code app/<app>/locales/zh.json}) against
 * the English of the Camunda webjar on the classpath: a Camunda upgrade that adds, renames or drops a label, or a
 * translation that loses a placeholder or a link, fails the build instead of showing a raw key to a user.
 */
class WebappLocaleTests {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern MARKUP = Pattern.compile("<[a-z/][^>]*>|&[a-z]+;");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  /** Names shown as they are in either language: products, and the null/undefined markers of variables. */
  private static final Set<String> KEPT_AS_IS = Set.of("Camunda", "Admin", "Cockpit", "Tasklist", "<null>", "<undefined>");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void shouldTranslateExactlyTheLabelsOfCamundasEnglish(String app) throws IOException {
    Set<String> english = new TreeSet<>(keys(labels(app, "en")));
    Set<String> chinese = new TreeSet<>(keys(labels(app, "zh")));

    assertThat(chinese).as("labels of %s/locales/zh.json", app).isEqualTo(english);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void shouldKeepEveryPlaceholderAndEveryPieceOfMarkup(String app) throws IOException {
    JsonNode english = labels(app, "en");
    JsonNode chinese = labels(app, "zh");
    for (String key : keys(english)) {
      String en = english.path(key).asText();
      String zh = chinese.path(key).asText();
      assertThat(all(PLACEHOLDER, zh)).as("placeholders of %s in %s: %s", key, app, zh)
          .containsExactlyInAnyOrderElementsOf(all(PLACEHOLDER, en));
      assertThat(all(MARKUP, zh)).as("markup of %s in %s: %s", key, app, zh)
          .containsExactlyInAnyOrderElementsOf(all(MARKUP, en));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void shouldSayEveryWordedLabelInChinese(String app) throws IOException {
    JsonNode english = labels(app, "en");
    JsonNode chinese = labels(app, "zh");
    List<String> untranslated = keys(english).stream()
        .filter(key -> english.path(key).asText().matches("(?s).*[A-Za-z].*"))
        .filter(key -> !KEPT_AS_IS.contains(chinese.path(key).asText()))
        .filter(key -> !CHINESE.matcher(chinese.path(key).asText()).find())
        .toList();

    assertThat(untranslated).as("labels of %s/locales/zh.json without Chinese", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist"})
  void shouldGiveTheDatesInChineseInTheShapeOfCamundasEnglish(String app) throws IOException {
    JsonNode english = locale(app, "en").path("dateLocales");
    JsonNode chinese = locale(app, "zh").path("dateLocales");

    assertThat(fieldsOf(chinese)).isEqualTo(fieldsOf(english));
    assertThat(chinese.path("months")).hasSize(12);
    assertThat(chinese.path("weekdays").get(1).asText()).isEqualTo("星期一");
    assertThat(chinese.path("relativeTime").path("past").asText()).isEqualTo("%s前");
  }

  private static JsonNode labels(String app, String language) throws IOException {
    JsonNode labels = locale(app, language).path("labels");
    assertThat(labels.isObject()).as("labels in %s/locales/%s.json", app, language).isTrue();
    return labels;
  }

  private static JsonNode locale(String app, String language) throws IOException {
    String resource = LOCALES.formatted(app, language);
    try (InputStream in = WebappLocaleTests.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("%s on the classpath", resource).isNotNull();
      // Camunda's files begin with a byte order mark, which Jackson does not skip
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""));
    }
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static Set<String> fieldsOf(JsonNode object) {
    Set<String> paths = new TreeSet<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      paths.add(field.getKey());
      if (field.getValue().isObject()) {
        fieldsOf(field.getValue()).forEach(inner -> paths.add(field.getKey() + "." + inner));
      }
    }
    return paths;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
