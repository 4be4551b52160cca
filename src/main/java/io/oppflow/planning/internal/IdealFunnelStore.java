package io.oppflow.planning.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Keeps ideal funnels in ideal_funnel and ideal_funnel_stage. */
@Repository
public class IdealFunnelStore {

  private final JdbcTemplate jdbc;

  IdealFunnelStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the ideal funnel of the same org unit, period and process, if any. */
  void save(IdealFunnel ideal) {
    jdbc.update("delete from ideal_funnel where org_unit = ? and period = ? and process_key = ?",
        ideal.orgUnit(), ideal.period(), ideal.process());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into ideal_funnel (org_unit, period, process_key, target_revenue,"
          + " average_deal_size, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, ideal.orgUnit());
      ps.setString(2, ideal.period());
      ps.setString(3, ideal.process());
      ps.setBigDecimal(4, ideal.targetRevenue());
      ps.setBigDecimal(5, ideal.averageDealSize());
      ps.setString(6, ideal.updatedBy());
      ps.setTimestamp(7, Timestamp.from(ideal.updatedAt()));
      return ps;
    }, key);
    long id = key.getKey().longValue();
    List<IdealFunnel.StageTarget> stages = ideal.stages();
    for (int i = 0; i < stages.size(); i++) {
      jdbc.update("insert into ideal_funnel_stage (ideal_funnel_id, stage, stage_order, target_conversion) values (?, ?, ?, ?)",
          id, stages.get(i).stage(), i, stages.get(i).targetConversion());
    }
  }

  Optional<IdealFunnel> find(String orgUnit, String period, String process) {
    return jdbc.query("select id, target_revenue, average_deal_size, updated_by, updated_at from ideal_funnel"
        + " where org_unit = ? and period = ? and process_key = ?", (rs, i) -> new IdealFunnel(orgUnit, period, process,
            stages(rs.getLong("id")), rs.getBigDecimal("target_revenue"), rs.getBigDecimal("average_deal_size"),
            rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()),
        orgUnit, period, process).stream().findFirst();
  }

  private List<IdealFunnel.StageTarget> stages(long id) {
    return jdbc.query("select stage, target_conversion from ideal_funnel_stage where ideal_funnel_id = ? order by stage_order",
        (rs, i) -> new IdealFunnel.StageTarget(rs.getString("stage"), rs.getBigDecimal("target_conversion")), id);
  }
}
