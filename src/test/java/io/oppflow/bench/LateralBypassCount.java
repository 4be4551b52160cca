package io.oppflow.bench;

/**
 * A candidate form of the violation scan's count, measured by {@link ComplianceBenchmarks} with
 * {@code -Dbench.candidate=true}: the same rule as {@code BypassDetector}, but the stage visit before is found by a
 * {@code LEFT JOIN LATERAL} instead of a join on a correlated subquery's id. In the application's form PostgreSQL
 * hashes the join on the subquery's result and runs the subquery twice per stage entry (once for the hash key,
 * once to recheck the match); the lateral form runs it once and needs no second look-up of the row it found.
 * PostgreSQL only: H2 2.3 has no {@code LATERAL} ("Function \"LATERAL\" not found").
 */
final class LateralBypassCount {

  static final String SQL = """
      select count(*)
        from stage_interval si
        left join lateral (
          select q.stage, q.entered_at from stage_interval q
           where q.process_instance_id = si.process_instance_id and q.stage_order = si.stage_order - 1
             and q.entered_at <= si.entered_at and q.id <> si.id
           order by q.entered_at desc, q.id desc fetch first 1 rows only) p on true
       where si.source = 'ENGINE' and si.stage_order > 1 and si.process_instance_id is not null
         and not exists (
          select 1 from gate_record g
           where g.process_instance_id = si.process_instance_id and g.stage = p.stage
             and g.verdict in ('PASSED', 'OVERRIDDEN')
             and g.evaluated_at >= p.entered_at and g.evaluated_at < si.entered_at + interval '0.001' second)
      """;

  private LateralBypassCount() {}
}
