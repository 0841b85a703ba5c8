/**
 * The cadence that reaches people: KPI reviews per team (an agenda built from the data, the
 * decisions taken, which then appear in their owners' "what I owe"), weekly check-in reminders
 * and the digests per person and per team. It decides what is due and what to say; the notify
 * module delivers it ({@link dev.tandem.notify.Notifications}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cadence", allowedDependencies = { "org", "kpi", "okr", "loop", "notify", "problem", "scheduling" })
package dev.tandem.review;
