/**
 * Running periodic jobs once across instances: a job runs only while its instance holds the
 * job's lock row, so that two Tandem servers on one database never sweep twice at once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
package dev.tandem.scheduling;
