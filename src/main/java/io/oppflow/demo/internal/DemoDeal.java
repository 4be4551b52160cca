package io.oppflow.demo.internal;

import io.oppflow.demo.internal.DemoNames.Industry;
import io.oppflow.demo.internal.DemoNames.Person;
import io.oppflow.demo.internal.DemoNames.Project;
import io.oppflow.demo.internal.DemoRoster.Rep;
import java.time.Instant;
import java.util.List;

/**
 * One generated opportunity: who sells what to whom, in which process, and where the story of its stages
 * ends. Everything random about it is drawn when it is planned, so replaying the plan is deterministic.
 */
record DemoDeal(String code, String process, List<String> stages, Rep rep, String customer, String city,
    Industry industry, Project project, Person decider, Person colleague, boolean large, boolean newCustomer,
    long amount, int headcount, boolean fairHealth, boolean sole, String competitor, boolean consultant,
    Instant created) {

  String name() {
    return customer + " " + project.zh() + " / " + customer + " " + project.en();
  }

  boolean projectSales() {
    return DemoPlan.PROJECT_SALES.equals(process);
  }
}
