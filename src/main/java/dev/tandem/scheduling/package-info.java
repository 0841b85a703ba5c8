/**
 * Running each periodic job once per interval across instances. Jobs are {@code @Scheduled}
 * on the clock ({@code cron}, in UTC), so every instance fires at the same moments, and carry
 * ShedLock's {@code @SchedulerLock}: the first instance to take the job's row in the
 * {@code shedlock} table runs it and keeps the row for {@code lockAtLeastFor}, just under the
 * interval, so the others skip that round. Lock times come from the database, so instance
 * clocks do not matter. {@link JobSchedules} refuses to start when a job's lock and schedule
 * do not fit together.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
package dev.tandem.scheduling;
