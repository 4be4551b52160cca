package io.oppflow.support;

/** Rule files for tests that upload a rule set: small, allowed by the rule allowlist, easy to recognise. */
public final class RuleFixtures {

  /** A warning (TARGET-90) for opportunities in the region "Atlantis": shows which rule version judged a gate. */
  public static final String REGION_WARNING = """
      package projectsales;
      import io.oppflow.gate.GateRequest;
      import io.oppflow.gate.Finding;
      import io.oppflow.opportunity.Opportunity;
      rule "TARGET-90 the region is on our sales map"
      when
        GateRequest( process == "project-sales-funnel", stage == "TARGET" )
        Opportunity( region == "Atlantis" )
      then
        insert( Finding.warning( "TARGET-90", "该区域不在销售版图内。", "The region is not on our sales map." ) );
      end
      """;

  private RuleFixtures() {}
}
