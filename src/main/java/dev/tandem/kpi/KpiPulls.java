package dev.tandem.kpi;

import java.util.Collection;
import java.util.Map;

/**
 * Keeps the pull settings of KPIs with source PULL: implemented by the pull module, which owns
 * connections and runs, so that the KPI API can take and show a KPI's {@code pull} without
 * depending on it. Called inside the KPI write's transaction.
 */
public interface KpiPulls {

	/** Refuses settings that could not run (unknown connection, bad cron or pointer) with what to fix. */
	void check(KpiPull pull, Frequency frequency);

	/** Stores the KPI's settings, replacing any it had; {@code null} removes them. */
	void save(long kpiId, KpiPull pull);

	/** The settings of those of these KPIs that have some, by KPI id. */
	Map<Long, KpiPull> of(Collection<Long> kpiIds);
}
