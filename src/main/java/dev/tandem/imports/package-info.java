/**
 * Moving in from a spreadsheet: OKRs (one row per key result) and KPI definitions (one row per
 * KPI) read from CSV or XLSX, with headers matched loosely and a mapping for other tools'
 * column names, checked row by row and written all or nothing through the OKR and KPI modules'
 * own creation paths — or, in a dry run, only reported. Its page (upload, mapping, preview,
 * import) lives in {@code sheet.web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports", allowedDependencies = { "kpi", "okr", "org",
		"problem" })
package dev.tandem.imports;
