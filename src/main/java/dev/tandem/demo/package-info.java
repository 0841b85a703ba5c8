/**
 * The demo organisation: on the first start of an empty embedded database (or whenever
 * TANDEM_DEMO=true and the database is empty), a small, realistic company built from the
 * seed articles' own examples, with a year of KPI history and two quarters of OKRs (one closed
 * and graded, one running with weekly check-ins), so that every screen has a story.
 * It writes only through the other modules' APIs, so the demo obeys every rule user data does.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "org", "kpi", "okr", "loop", "review", "notify", "problem", "scheduling" })
package dev.tandem.demo;
