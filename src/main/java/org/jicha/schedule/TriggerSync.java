package org.jicha.schedule;

import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/**
 * Keeps a stored Quartz trigger in line with what the configuration or a plan says, <em>without</em> replacing
 * a trigger whose schedule did not change: replacing it would recompute its next fire time from now and so
 * lose a firing missed while the server was down (the misfire that must run once at start). Each trigger
 * carries its schedule's {@link #SIGNATURE} in its job data.
 */
public final class TriggerSync {

    /** Job-data key of the text that identifies a trigger's schedule (cron, zone, dates). */
    public static final String SIGNATURE = "jicha.schedule-signature";

    private TriggerSync() {}

    /** Stores (or updates) the durable job, then schedules the trigger unless an identical one is stored. */
    public static void ensure(Scheduler scheduler, JobDetail job, Trigger wanted) throws SchedulerException {
        scheduler.addJob(job, true);
        ensure(scheduler, wanted);
    }

    /** Schedules the trigger (for a stored job) unless an identical one is stored; true if it changed anything. */
    public static boolean ensure(Scheduler scheduler, Trigger wanted) throws SchedulerException {
        Trigger stored = scheduler.getTrigger(wanted.getKey());
        if (stored == null) {
            scheduler.scheduleJob(wanted);
            return true;
        }
        Object had = stored.getJobDataMap().get(SIGNATURE);
        Object wants = wanted.getJobDataMap().get(SIGNATURE);
        if (had != null && had.equals(wants) && stored.getJobKey().equals(wanted.getJobKey())) {
            return false;
        }
        scheduler.rescheduleJob(wanted.getKey(), wanted);
        return true;
    }

    /** Removes a trigger if it is stored. */
    public static void remove(Scheduler scheduler, TriggerKey key) throws SchedulerException {
        if (scheduler.checkExists(key)) {
            scheduler.unscheduleJob(key);
        }
    }
}
