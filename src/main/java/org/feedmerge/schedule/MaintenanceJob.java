package org.feedmerge.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A recurring housekeeping task (e.g. retention); a failure is logged and retried next period. */
@DisallowConcurrentExecution
final class MaintenanceJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceJob.class);

    private final String name;
    private final Runnable task;

    MaintenanceJob(String name, Runnable task) {
        this.name = name;
        this.task = task;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("maintenance={} failed, retrying next period: {}", name, e.toString(), e);
        }
    }
}
