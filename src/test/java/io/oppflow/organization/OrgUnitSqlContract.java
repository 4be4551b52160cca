package io.oppflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * "This unit or below it" answers the same in SQL, with positional or named parameters, as in Java, on each
 * database, whatever a filter names: the LIKE wildcards and the escape character in a path match only
 * themselves, quotes and spaces are only characters, and a unit never covers its namesakes ("HQ/East" does not
 * cover "HQ/Eastern" nor "HQ/East Coast").
 */
abstract class OrgUnitSqlContract {

  static final List<String> STORED = List.of("HQ", "HQ/East", "HQ/East/Shanghai-1", "HQ/East/Shanghai-1/A",
      "HQ/Eastern", "HQ/East_1", "HQ/EastX1", "HQ/East1/B", "HQ/华东/上海一部", "HQ/华东二部", "HQ/West",
      "HQ/East Coast", "HQ/East Coast/Boston", "HQ/East /x", "HQ/Central/Dustin Brinkmann", "HQ/O'Brien & Co.",
      "HQ/O'Brien & Co./Team (2)", "总部/华东/上海一部", "总部/华东 二部");

  /** Filters as callers may send them: existing units, namesakes and paths holding LIKE's special characters. */
  static final List<String> ASKED = List.of("HQ", "HQ/East", "HQ/East/Shanghai-1", "HQ/Eastern", "HQ/East_1",
      "HQ/East_", "HQ/Ea_t", "HQ/East%", "HQ/%", "%", "_", "HQ\\East", "HQ/East\\", "HQ/华东", "HQ/Nowhere", "", "HQ/East Coast",
      "HQ/East ", "HQ/Central", "HQ/O'Brien & Co.", "HQ/O'Brien", "HQ/O'Brien & Co", "总部/华东", "总部");

  @Autowired JdbcTemplate jdbc;
  @Autowired NamedParameterJdbcTemplate named;

  @BeforeEach
  void storeUnits() {
    jdbc.execute("create table if not exists org_unit_probe (org_unit varchar(200) not null)");
    jdbc.update("delete from org_unit_probe");
    STORED.forEach(unit -> jdbc.update("insert into org_unit_probe (org_unit) values (?)", unit));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @FieldSource("ASKED")
  void shouldMatchWithPositionalParametersExactlyTheUnitsJavaSaysItCovers(String asked) {
    OrgUnit unit = new OrgUnit(asked);

    List<String> found = jdbc.queryForList("select org_unit from org_unit_probe where "
        + OrgUnit.sqlCondition("org_unit") + " order by org_unit", String.class, unit.sqlArguments().toArray());

    assertThat(found).containsExactlyInAnyOrderElementsOf(coveredInJava(unit));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @FieldSource("ASKED")
  void shouldMatchWithNamedParametersExactlyTheUnitsJavaSaysItCovers(String asked) {
    OrgUnit unit = new OrgUnit(asked);

    List<String> found = named.queryForList("select org_unit from org_unit_probe where "
        + OrgUnit.sqlCondition("org_unit", "unit"), unit.namedArguments("unit"), String.class);

    assertThat(found).containsExactlyInAnyOrderElementsOf(coveredInJava(unit));
  }

  private static List<String> coveredInJava(OrgUnit unit) {
    return STORED.stream().filter(unit::covers).toList();
  }
}
