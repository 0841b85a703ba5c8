package dev.tandem.security;

import static dev.tandem.security.AuthorizationMatrixTests.SIGNED_IN;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import dev.tandem.security.AuthorizationMatrixTests.Rule;

/**
 * Who may call the endpoints the exports added: a cycle's check-ins are read by everyone signed
 * in, like its overview, and so are the PDF reports. The exports themselves share their endpoints' mappings (and so their
 * rules); that the audit trail's export is for administrators only is checked in ExportApiTests.
 */
final class SheetMatrixRules {

	private SheetMatrixRules() {
	}

	static final List<Rule> RULES = List.of(
			new Rule("GET /api/cycles/{id}/check-ins", SIGNED_IN,
					f -> get("/api/cycles/" + MatrixRequests.of(f).cycle() + "/check-ins")),
			// the reports as PDF: read, like the pages they come from, by everyone signed in
			new Rule("GET /review/report.pdf", SIGNED_IN, f -> get("/review/report.pdf?cycle=" + MatrixRequests.of(f).cycle())),
			new Rule("GET /kpis/{key}/report.pdf", SIGNED_IN, f -> get("/kpis/" + f.kpi() + "/report.pdf")));
}
