package dev.tandem.kpi;

import java.io.Reader;

/**
 * A file of measurements for one KPI ({@code at,value[,note]} lines), recorded all or nothing:
 * what the KPI page's upload hands on. The ingestion module implements it, since it knows the
 * file formats and depends on this module, not the other way round. Bad lines come back as an
 * {@link dev.tandem.problem.InvalidInputException} whose problems name them ("line 3").
 */
public interface MeasurementFileImport {

	/** Records every line of the file for the KPI; returns how many values were recorded. */
	int importRows(String kpiKey, Reader file);
}
