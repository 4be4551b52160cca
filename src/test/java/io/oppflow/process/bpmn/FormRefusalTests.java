package io.oppflow.process.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.process.StageFormFields;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.shared.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A refusal of a form's values says, in both languages, which field of the form to fill in or check. */
class FormRefusalTests {

  @Test
  void shouldNameTheFieldByTheLabelTheShippedFormsShowForEveryFieldTheServiceReads() throws IOException {
    Map<String, String> shown = new TreeMap<>();
    try (Stream<Path> forms = Files.list(Path.of("processes/forms"))) {
      for (Path form : forms.filter(p -> p.getFileName().toString().matches("form-(stage|start).*\\.form")).toList()) {
        for (JsonNode c : new ObjectMapper().readTree(form.toFile()).path("components")) {
          String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(null);
          if (c.hasNonNull("key") && label != null) {
            shown.put(c.get("key").asText(), label);
          }
        }
      }
    }
    StageFormFields.keys().forEach(key -> assertThat(FormRefusal.LABELS).as(key).containsKey(key));
    FormRefusal.LABELS.forEach((key, label) -> {
      if (shown.containsKey(key)) {
        assertThat(label.both()).as(key).isEqualTo(shown.get(key));
      }
    });
  }

  @Test
  void shouldAskToFillInAnEmptyFieldAndToCheckARefusedOneNamingTheFormKey() {
    InvalidRequestException empty = FormRefusal.inFormWords(InvalidRequestException.of("customer.headcount", "must be positive"),
        FormRefusal.NOT_COMPLETED, key -> key, key -> true);
    InvalidRequestException refused = FormRefusal.inFormWords(InvalidRequestException.of("customer.headcount", "must be positive"),
        FormRefusal.NOT_COMPLETED, key -> key, key -> false);

    assertThat(empty.detail()).isEqualTo(
        "未完成：请填写「员工人数」/ Not completed: fill in Headcount (customerHeadcount: must be positive)");
    assertThat(refused.detail()).isEqualTo(
        "未完成：请检查「员工人数」/ Not completed: check Headcount (customerHeadcount: must be positive)");
    assertThat(refused.errors().get(0).field()).isEqualTo("customerHeadcount");
    assertThat(refused.status().value()).isEqualTo(400);
  }

  @Test
  void shouldSayWhatDidNotHappen() {
    assertThat(FormRefusal.inFormWords(InvalidRequestException.of("name", "required"), FormRefusal.NOT_OPENED,
        key -> key, key -> false).detail()).startsWith("商机未创建：请检查「商机名称」/ The opportunity was not opened: check "
        + "Opportunity name (opportunityName: required)");
    assertThat(new Message("a", "b").both()).isEqualTo("a / b");
  }

  @Test
  void shouldGiveEachLanguageItsHalfOfABilingualMessageNeverBothInTheEnglishOne() {
    InvalidRequestException refused = FormRefusal.inFormWords(InvalidRequestException.of("reason",
        "请选择丢单原因：CUSTOMER_STOPPED、COMPETITOR 或 OTHER / required: CUSTOMER_STOPPED, COMPETITOR or OTHER"),
        FormRefusal.NOT_COMPLETED, key -> "lossReason", key -> true);

    assertThat(refused.detail()).isEqualTo("未完成：请填写「丢单原因」（lossReason：请选择丢单原因：CUSTOMER_STOPPED、COMPETITOR 或 OTHER）"
        + "/ Not completed: fill in Loss reason (lossReason: required: CUSTOMER_STOPPED, COMPETITOR or OTHER)");
    assertThat(refused.errors().get(0).message()).as("the field's own message stays as the service gave it")
        .isEqualTo("请选择丢单原因：CUSTOMER_STOPPED、COMPETITOR 或 OTHER / required: CUSTOMER_STOPPED, COMPETITOR or OTHER");
  }
}
