package io.oppflow.process.adapter;

import io.oppflow.demo.DemoEngine;
import io.oppflow.organization.Role;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** The engine side of the demo data generator: Camunda's clock, its timer jobs, a process-instance modification. */
@Component
class CamundaDemoEngine implements DemoEngine {

  private final ProcessEngineConfigurationImpl engine;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final IdentityService identity;

  CamundaDemoEngine(ProcessEngineConfigurationImpl engine, ManagementService management, RuntimeService runtime,
      IdentityService identity) {
    this.engine = engine;
    this.management = management;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public void moveClockTo(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  @Override
  public void resetClock() {
    ClockUtil.reset();
  }

  @Override
  public boolean pauseJobs() {
    JobExecutor executor = engine.getJobExecutor();
    if (executor == null || !executor.isActive()) {
      return false;
    }
    executor.shutdown();
    return true;
  }

  @Override
  public void resumeJobs() {
    engine.getJobExecutor().start();
  }

  @Override
  public int fireDueTimers() {
    List<Job> due = management.createJobQuery().timers().executable().list();
    for (Job job : due) {
      management.executeJob(job.getId());
    }
    return due.size();
  }

  @Override
  public void bypass(String processInstanceId, String fromStage, String toStage, String adminUserId) {
    // signed in as the administrator, so that Camunda's operation log names who moved it
    identity.setAuthentication(adminUserId, List.of(Role.ADMIN.groupId()));
    try {
      runtime.createProcessInstanceModification(processInstanceId)
          .cancelAllForActivity("Stage_" + fromStage)
          .startBeforeActivity("Stage_" + toStage)
          .execute(true, true);
    } finally {
      identity.clearAuthentication();
    }
  }
}
