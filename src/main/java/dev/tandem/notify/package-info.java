/**
 * Reaching people where they work: e-mails and chat messages queued in a durable outbox and
 * delivered at least once and never twice for the same key (SMTP, Slack and Teams webhooks, signed
 * generic webhooks), each person's notification preferences, and one-click unsubscribe. Other
 * modules hand it what to say through {@link dev.tandem.notify.Notifications}; what it says on
 * its own account are the real-time notices a person opted into and the integration webhooks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = { "org", "kpi", "okr", "loop", "problem", "scheduling" })
package dev.tandem.notify;
