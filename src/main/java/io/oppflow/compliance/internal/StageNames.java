package io.oppflow.compliance.internal;

import io.oppflow.shared.Message;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageDefinition;
import org.springframework.stereotype.Component;

/** A stage's bilingual name as the deployed process gives it; the code itself if no longer modelled. */
@Component
public class StageNames {

  private final StageCatalog stages;

  StageNames(StageCatalog stages) {
    this.stages = stages;
  }

  Message of(String process, String stage) {
    return stages.stagesOf(process).stream().filter(d -> d.code().equals(stage)).findFirst()
        .map(StageDefinition::name).orElse(new Message(stage, stage));
  }
}
