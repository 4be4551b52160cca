package io.oppflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to measure unless both sides do the same work in the engine's terms: one product opportunity and one plain
 * instance are advanced through every stage, both must end (the opportunity WON), and both histories must list the
 * same activities (sub-processes, tasks, gateways, events; plain {@code Phase_X} read as {@code Stage_X}).
 */
final class ShapeCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FunnelClient rep;
  private final FunnelClient admin;
  private final int stages;

  ShapeCheck(FunnelClient rep, FunnelClient admin, int stages) {
    this.rep = rep;
    this.admin = admin;
    this.stages = stages;
  }

  void run() throws Exception {
    rep.productCreate();
    String code = rep.lastProduct();
    rep.plainCreate();
    String plainInstance = rep.lastPlain();
    for (int i = 0; i < stages; i++) {
      rep.productAdvance();
      rep.plainAdvance();
    }
    JsonNode opportunity = json(rep, "/api/opportunities/" + code);
    if (!"WON".equals(opportunity.path("status").asText())) {
      throw new IllegalStateException("Opportunity " + code + " is " + opportunity.path("status") + " after " + stages + " advances");
    }
    List<String> product = activities(opportunity.path("processInstanceId").asText());
    List<String> plain = activities(plainInstance).stream().map(PlainFunnel::shippedId).sorted().toList();
    if (!product.equals(plain)) {
      throw new IllegalStateException("The plain process does not take the product's path:\nproduct " + product + "\nplain   " + plain);
    }
    System.out.println("Shape check: product and plain both end after " + stages + " advances, through the same "
        + product.size() + " activities");
  }

  private List<String> activities(String processInstanceId) throws Exception {
    JsonNode state = json(admin, "/engine-rest/history/process-instance/" + processInstanceId);
    if (!"COMPLETED".equals(state.path("state").asText())) {
      throw new IllegalStateException("Process instance " + processInstanceId + " is " + state.path("state"));
    }
    List<String> ids = new ArrayList<>();
    json(admin, "/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId)
        .forEach(a -> ids.add(a.path("activityId").asText()));
    return ids.stream().sorted().toList();
  }

  private static JsonNode json(FunnelClient client, String path) throws Exception {
    return JSON.readTree(FunnelClient.expect(client.send(client.get(path)), 200).body());
  }
}
