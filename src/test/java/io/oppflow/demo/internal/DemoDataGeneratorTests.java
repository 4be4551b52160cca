package io.oppflow.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.demo.DemoEngine;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.progression.StageProgression;
import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whatever goes wrong, the generator leaves nothing moved behind: the engine's clock (which is the service's) is
 * reset and the job executor runs again before {@link DemoDataGenerator#done()} completes, and the gate opens.
 * (The engine here is a recording fake; the real generation is DemoDataTests', in a JVM of its own.)
 */
class DemoDataGeneratorTests {

  private final OpportunityService opportunities = mock(OpportunityService.class);
  private final StageCatalog catalog = mock(StageCatalog.class);
  private final RecordingEngine engine = new RecordingEngine();
  private final DemoDataGenerator generator = new DemoDataGenerator(new DemoDataProperties(true, 20, 12, 7L),
      opportunities, mock(StageProgression.class), catalog, engine, Clock.systemUTC(), new ObjectMapper(), new TransactionTemplate());

  @Test
  void shouldResetTheClockAndOpenTheGateWhenTheFirstLookFails() {
    when(opportunities.list(any(), any(), any())).thenThrow(new IllegalStateException("no database"));
    assertThat(generator.running()).isTrue();

    generator.generate();

    assertThat(generator.done()).isCompletedExceptionally();
    assertThat(generator.running()).isFalse();
    assertThat(engine.calls).containsExactly("resetClock");
  }

  @Test
  void shouldResetTheClockAndResumeTheJobsWhenTheEngineFailsHalfway() {
    when(opportunities.list(any(), any(), any())).thenReturn(Page.empty());
    when(catalog.stagesOf(any())).thenAnswer(call -> stages(call.getArgument(0)));
    engine.failTimers = true;

    generator.generate();

    assertThat(generator.done()).isCompletedExceptionally();
    assertThat(engine.calls).startsWith("pauseJobs", "moveClockTo").endsWith("resetClock", "resumeJobs", "resetClock");
    assertThat(engine.moved).isFalse();
  }

  @Test
  void shouldSkipADatabaseWithOpportunitiesWithoutTouchingTheEngine() {
    when(opportunities.list(any(), any(), any())).thenReturn(new PageImpl<>(List.of(), PageRequest.of(0, 1), 5));

    generator.generate();

    assertThat(generator.done().join().skipped()).isTrue();
    assertThat(engine.calls).containsExactly("resetClock");
  }

  private static List<StageDefinition> stages(String process) {
    List<String> codes = DemoPlan.PROJECT_SALES.equals(process)
        ? List.of("TARGET", "DISCOVER", "CONFIRM_INTENT", "INITIATE_PROJECT", "WIN_RECOGNITION", "NEGOTIATE", "CLOSE")
        : List.of("IDENTIFIED", "CONTACT", "QUALIFIED", "CLOSING");
    List<StageDefinition> stages = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      stages.add(new StageDefinition(codes.get(i), i + 1, new Message(codes.get(i), codes.get(i)),
          BigDecimal.valueOf(10L * (i + 1)), i == 0 ? "P14D" : null));
    }
    return stages;
  }

  private static final class RecordingEngine implements DemoEngine {
    final List<String> calls = new ArrayList<>();
    boolean failTimers;
    boolean moved;

    @Override
    public void moveClockTo(Instant at) {
      calls.add("moveClockTo");
      moved = true;
    }

    @Override
    public void resetClock() {
      calls.add("resetClock");
      moved = false;
    }

    @Override
    public boolean pauseJobs() {
      calls.add("pauseJobs");
      return true;
    }

    @Override
    public void resumeJobs() {
      calls.add("resumeJobs");
    }

    @Override
    public int fireDueTimers() {
      calls.add("fireDueTimers");
      if (failTimers) {
        throw new IllegalStateException("engine gone");
      }
      return 0;
    }

    @Override
    public void bypass(String processInstanceId, String fromStage, String toStage, String adminUserId) {
      calls.add("bypass");
    }
  }
}
