package io.oppflow.funnel;

import io.oppflow.shared.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A stage's figure in the funnel that lists the stage entries behind it: every entry in the period, those
 * that advanced, those lost there, and those still in the stage.
 */
public enum FunnelFigure {
  ENTERED("1 = 1"),
  ADVANCED("si.outcome = 'ADVANCED'"),
  LOST("si.outcome = 'LOST'"),
  OPEN("si.left_at is null");

  private final String condition;

  FunnelFigure(String condition) {
    this.condition = condition;
  }

  /** The figure named in the API ({@code entered}, {@code advanced}, {@code lost}, {@code open}). */
  public static FunnelFigure parse(String figure) {
    return Arrays.stream(values()).filter(f -> f.apiName().equals(figure)).findFirst()
        .orElseThrow(() -> InvalidRequestException.of("figure", "须为 entered、advanced、lost 或 open 之一 / "
            + "must be one of entered, advanced, lost, open"));
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The SQL condition on the stage interval {@code si} the figure counts. */
  String condition() {
    return condition;
  }
}
