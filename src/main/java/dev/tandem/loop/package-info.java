/**
 * The loop between KPIs and OKRs, the only module that knows both: proposals (a red or
 * worsening KPI suggests a focused objective), graduation (a reached key result raises its
 * KPI's thresholds), guardrail alerts, the focus ranking and the coach, with the inbox page;
 * it also answers the OKR pages' {@link dev.tandem.okr.ObjectiveAdvice}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loop", allowedDependencies = { "org", "kpi", "okr", "problem", "scheduling" })
package dev.tandem.loop;
