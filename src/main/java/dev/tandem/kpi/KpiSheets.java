package dev.tandem.kpi;

import dev.tandem.sheet.Sheet;

/** The KPI module's exports: the columns of the dashboard and of a KPI's measurements. */
final class KpiSheets {

	private KpiSheets() {
	}

	/** The dashboard: every KPI with its health, one row each. */
	static final Sheet<KpiView> DASHBOARD = Sheet.<KpiView>named("Dashboard")
		.column("kpi", KpiView::key)
		.column("name", KpiView::name)
		.column("team", KpiView::team)
		.column("owner", KpiView::owner)
		.column("unit", KpiView::unit)
		.column("status", k -> k.health() == null ? null : k.health().status())
		.column("value", k -> k.health() == null ? null : k.health().value())
		.column("period_start", k -> k.health() == null ? null : k.health().periodStart())
		.column("position", k -> k.health() == null ? null : k.health().position())
		.column("expected", k -> k.health() == null ? null : k.health().expected())
		.column("trend", k -> k.health() == null ? null : k.health().trend())
		.column("worsening_periods", k -> k.health() == null ? null : k.health().worseningPeriods())
		.column("mode", k -> k.health() == null ? null : k.health().mode())
		.column("improving_objective", k -> k.health() == null ? null : k.health().improvingObjectiveId())
		.column("last_measured_at", k -> k.health() == null ? null : k.health().lastMeasuredAt())
		.column("stale_reason", k -> k.health() == null ? null : k.health().staleReason())
		.column("shape", KpiView::shape)
		.column("direction", KpiView::direction)
		.column("target", KpiView::target)
		.column("warning", KpiView::warning)
		.column("lower", KpiView::lower)
		.column("upper", KpiView::upper);

	/** A KPI's measurements, oldest first; a corrected one is marked superseded. */
	static final Sheet<MeasurementView> MEASUREMENTS = Sheet.<MeasurementView>named("Measurements")
		.column("at", MeasurementView::at)
		.column("value", MeasurementView::value)
		.column("note", MeasurementView::note)
		.column("source", MeasurementView::source)
		.column("recorded_by", MeasurementView::recordedBy)
		.column("recorded_at", MeasurementView::recordedAt)
		.column("superseded", MeasurementView::superseded)
		.column("id", MeasurementView::id);
}
