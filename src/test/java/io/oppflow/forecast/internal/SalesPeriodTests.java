package io.oppflow.forecast.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesPeriodTests {

  @ParameterizedTest
  @CsvSource({
      "2027,    2027,    2027-01-01, 2028-01-01, 2026,    2026",
      "2027-Q1, 2027-Q1, 2027-01-01, 2027-04-01, 2026-Q4, 2026-Q1",
      "2027-q4, 2027-Q4, 2027-10-01, 2028-01-01, 2027-Q3, 2026-Q4",
      "2027-03, 2027-03, 2027-03-01, 2027-04-01, 2027-02, 2026-03",
      "2027-01, 2027-01, 2027-01-01, 2027-02-01, 2026-12, 2026-01"})
  void shouldReadYearsQuartersAndMonthsAndStepBackByTheSameLengthOrAYear(String text, String label, LocalDate start,
      LocalDate end, String previous, String yearBefore) {
    SalesPeriod period = SalesPeriod.parse(text);
    assertThat(period.label()).isEqualTo(label);
    assertThat(period.start()).isEqualTo(start);
    assertThat(period.end()).isEqualTo(end);
    assertThat(period.previous().label()).isEqualTo(previous);
    assertThat(period.yearBefore().label()).isEqualTo(yearBefore);
    assertThat(period.startInstant().toString()).isEqualTo(start + "T00:00Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "27", "2027-Q5", "2027-Q0", "2027-13", "2027-00", "2027-3", "2027/03", "Q1-2027"})
  void shouldRejectWhatIsNoPeriod(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> SalesPeriod.parse(text)).withMessageContaining("2027-Q1");
  }
}
