package org.jicha.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;

/**
 * One firing of a job as the services need it: when it was due and whether Quartz is recovering it after a
 * crash (then {@code firedAt} is the crashed firing's time, from
 * {@link Scheduler#FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS}).
 */
public record QuartzFiring(Instant firedAt, boolean recovering) {

    public static QuartzFiring of(JobExecutionContext context) {
        if (context.isRecovering()) {
            Object original =
                    context.getMergedJobDataMap().get(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS);
            Instant at = original == null ? null : Instant.ofEpochMilli(Long.parseLong(original.toString()));
            return new QuartzFiring(at, true);
        }
        return new QuartzFiring(
                context.getScheduledFireTime() == null
                        ? Instant.now()
                        : context.getScheduledFireTime().toInstant(),
                false);
    }

    /** The as-of date of the firing in the utility's zone (today if the time is unknown). */
    public LocalDate asOf(ZoneId zone, LocalDate today) {
        return firedAt == null ? today : LocalDate.ofInstant(firedAt, zone);
    }
}
