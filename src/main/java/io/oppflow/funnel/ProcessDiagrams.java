package io.oppflow.funnel;

import java.util.Optional;

/** The BPMN of the deployed processes, as deployed: a port the process engine adapter implements. */
public interface ProcessDiagrams {

  /** The BPMN 2.0 XML of the latest deployed version of the process; empty if no process has that key. */
  Optional<String> latestDiagram(String processKey);
}
