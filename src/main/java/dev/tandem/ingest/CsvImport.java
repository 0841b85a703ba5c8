package dev.tandem.ingest;

import java.io.Reader;
import java.time.ZoneId;

import org.springframework.stereotype.Service;

import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.MeasurementFileImport;
import dev.tandem.kpi.Source;

/**
 * A CSV file of {@code at,value[,note]} for one KPI, parsed and recorded all or nothing: the
 * API's import, and the KPI page's upload, which reaches it as the KPI module's
 * {@link MeasurementFileImport}. Bad rows come back as an
 * {@link dev.tandem.problem.InvalidInputException} whose problems name their lines.
 */
@Service
public class CsvImport implements MeasurementFileImport {

	private final Kpis kpis;
	private final ZoneId zone;

	CsvImport(Kpis kpis, ZoneId zone) {
		this.kpis = kpis;
		this.zone = zone;
	}

	/** Records every row of the file for the KPI; returns how many were accepted. */
	@Override
	public int importRows(String kpiKey, Reader csv) {
		kpis.get(kpiKey);
		var rows = CsvParser.parse(csv, kpiKey, zone);
		var measurements = rows.stream().map(CsvParser.Row::measurement).toList();
		return kpis.record(measurements, i -> "line " + rows.get(i).line(), Source.CSV);
	}
}
