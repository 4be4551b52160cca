package io.oppflow.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oppflow.shared.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Org units are named as people name their teams; only malformed paths are refused. */
class OrgUnitTests {

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"HQ", "HQ/East/Shanghai-1", "HQ/Central/Dustin Brinkmann", "总部/华东/上海一部", "HQ/East Coast",
      "HQ/O'Brien & Co.", "HQ/R&D (Beijing)/Team #2", "HQ/Sales, North", "HQ/São Paulo", "HQ/East_1", "总部/华东（二部）·北区",
      "HQ/Ops: EMEA/A+B@C!?"})
  void shouldAcceptUnitsAsPeopleNameThem(String path) {
    assertThat(OrgUnit.isValid(path)).isTrue();
    assertThat(OrgUnit.checked(path)).isEqualTo(path);
  }

  @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "' HQ / East Coast '       | HQ/East Coast",
      "'HQ/Central/ Dustin Brinkmann ' | HQ/Central/Dustin Brinkmann",
      "'总部 /华东/　上海一部'       | 总部/华东/上海一部"})
  void shouldTrimEverySegment(String asked, String stored) {
    assertThat(OrgUnit.normalize(asked)).isEqualTo(stored);
    assertThat(OrgUnit.checked(asked)).isEqualTo(stored);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", " ", "/", "HQ/", "/HQ", "HQ//East", "HQ/ /East", "HQ/East\tCoast", "HQ/East\nCoast",
      "HQ/East\u0000", "HQ\\East", "HQ/East%", "HQ/<b>", "HQ/\"East\"", "HQ/East;drop"})
  void shouldRefuseMalformedPathsNamingTheOrgUnit(String path) {
    assertThat(OrgUnit.isValid(OrgUnit.normalize(path))).isFalse();
    assertThatThrownBy(() -> OrgUnit.checked(path)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("orgUnit")));
  }

  @org.junit.jupiter.api.Test
  void shouldRefuseAPathLongerThan200Characters() {
    String longest = "HQ/" + "a".repeat(197);

    assertThat(OrgUnit.isValid(longest)).isTrue();
    assertThat(OrgUnit.isValid(longest + "a")).isFalse();
    assertThat(OrgUnit.isValid("总部/" + "华".repeat(198))).isFalse();
  }

  @org.junit.jupiter.api.Test
  void shouldTellAFilterOfNoUnitFromAMalformedOne() {
    assertThat(OrgUnit.checkedFilter(null)).isNull();
    assertThat(OrgUnit.checkedFilter("  ")).isNull();
    assertThat(OrgUnit.checkedFilter(" HQ/East Coast ")).isEqualTo("HQ/East Coast");
    assertThatThrownBy(() -> OrgUnit.checkedFilter("HQ//East")).isInstanceOf(InvalidRequestException.class);
  }

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "HQ/East       | HQ/East             | true",
      "HQ/East       | HQ/East/Shanghai-1  | true",
      "HQ/East       | HQ/East Coast       | false",
      "HQ/East       | HQ/East Coast/Team  | false",
      "HQ/East Coast | HQ/East             | false",
      "HQ/East Coast | HQ/East Coast/Boston | true",
      "总部/华东      | 总部/华东/上海一部    | true",
      "总部/华东      | 总部/华东二部         | false"})
  void shouldCoverOnlyItselfAndTheUnitsBelowItSegmentBySegment(String unit, String other, boolean covered) {
    assertThat(new OrgUnit(unit).covers(other)).isEqualTo(covered);
  }
}
