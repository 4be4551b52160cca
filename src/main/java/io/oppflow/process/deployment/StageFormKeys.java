package io.oppflow.process.deployment;

import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageFormFields;
import io.oppflow.process.bpmn.ReviewStalledListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Refuses, at deployment, a Camunda Form with a field key the service neither fills nor reads: such a field
 * shows empty and what the user types in it is kept nowhere (a typo such as {@code budgetStauts} would lose
 * the budget status the rep entered). The known keys are the opportunity facts of {@link StageFormFields} and
 * the process variables the stage and manager tasks read or show. Runs for every new deployment, the
 * service's own at start-up and Camunda Modeler's through {@code /engine-rest/deployment/create} (400).
 */
public final class StageFormKeys implements Deployer {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every key a shipped or designed form may bind. */
  public static Set<String> known() {
    Set<String> keys = new TreeSet<>();
    StageFormFields.keys().forEach(keys::add);
    keys.addAll(List.of(
        // the rep's stage task: the gate's feedback, the action and what it needs
        ProcessVariables.GATE_FEEDBACK, ProcessVariables.STAGE_ACTION, ProcessVariables.EXCEPTION_REASON,
        ProcessVariables.LOSS_REASON, ProcessVariables.LOSS_COMPETITOR, ProcessVariables.LOSS_NOTE,
        // the rep's stage task: the activity section
        ProcessVariables.ACTIVITY_TYPE, ProcessVariables.ACTIVITY_DATE, ProcessVariables.ACTIVITY_CONTACT,
        ProcessVariables.ACTIVITY_DECISION_MAKER, ProcessVariables.ACTIVITY_NOTE, ProcessVariables.STAGE_ACTIVITIES,
        // the manager's tasks: the deal decided on, the exception approval
        ProcessVariables.DEAL_SUMMARY,
        ProcessVariables.EXCEPTION_REQUESTED_BY, ProcessVariables.EXCEPTION_REQUEST_REASON,
        ProcessVariables.EXCEPTION_DECISION, ProcessVariables.EXCEPTION_DECISION_REASON,
        // the manager's stalled review
        ProcessVariables.OWNER, ReviewStalledListener.STALLED_STAGE, ReviewStalledListener.DAYS_IN_STAGE,
        ReviewStalledListener.DWELL_LIMIT, ReviewStalledListener.DECISION, ReviewStalledListener.NOTE));
    return keys;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName() != null && resource.getName().endsWith(".form")) {
        problemOf(resource.getName(), resource.getBytes()).ifPresent(problems::add);
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("; ", problems));
    }
  }

  /** What is wrong with the form in {@code file}, in both languages; empty when every key is known. */
  public static Optional<String> problemOf(String file, byte[] form) {
    JsonNode tree;
    try {
      tree = JSON.readTree(form);
    } catch (IOException e) {
      return Optional.of("表单 '" + file + "' 不是有效的 JSON / Form '" + file + "' is not valid JSON");
    }
    Set<String> unknown = new LinkedHashSet<>();
    collect(tree.path("components"), unknown);
    unknown.removeAll(known());
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    List<String> hints = unknown.stream().map(k -> closest(k).map(c -> k + " (" + c + "?)").orElse(k)).toList();
    String id = tree.path("id").asText("");
    return Optional.of("表单 '" + file + "'（id " + id + "）的字段键 " + hints + " 不是已知的商机字段或流程变量，"
        + "填写的值不会被保存 / Form '" + file + "' (id " + id + ") has the field keys " + hints
        + ", which are neither opportunity facts nor variables the service reads: what users enter there would be lost."
        + " Use the keys in designing-stage-processes.md (Forms)");
  }

  /** The keys a form binds: every component's {@code key}, and the {@code path} of groups and lists. */
  public static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      for (String binding : List.of("key", "path")) {
        if (component.hasNonNull(binding) && !component.get(binding).asText().isBlank()) {
          keys.add(component.get(binding).asText());
        }
      }
      collect(component.path("components"), keys);
    }
  }

  /** The known key a typo most likely meant, if one is close. */
  private static Optional<String> closest(String key) {
    String k = normal(key);
    return known().stream()
        .min(Comparator.comparingInt(c -> distance(k, normal(c))))
        .filter(c -> distance(k, normal(c)) <= Math.max(2, k.length() / 4));
  }

  private static String normal(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      previous = current;
    }
    return previous[b.length()];
  }
}
