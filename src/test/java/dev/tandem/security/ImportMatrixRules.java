package dev.tandem.security;

import static dev.tandem.security.AuthorizationMatrixTests.EDITORS;
import static dev.tandem.security.AuthorizationMatrixTests.SIGNED_IN;
import static dev.tandem.security.AuthorizationMatrixTests.TEAM_EDITORS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.mock.web.MockMultipartFile;

import dev.tandem.TestUsers;
import dev.tandem.security.AuthorizationMatrixTests.Fixture;
import dev.tandem.security.AuthorizationMatrixTests.Rule;

/**
 * Who may import from a spreadsheet: whoever may write KPIs or OKRs in some team may open the
 * page, and a file's rows (here in the fixture's team, even in a dry run) only by its editors —
 * the creation paths' own checks. The templates are for everyone signed in.
 */
final class ImportMatrixRules {

	private ImportMatrixRules() {
	}

	static final List<Rule> RULES = List.of(
			new Rule("POST /api/import/kpis", TEAM_EDITORS,
					f -> post("/api/import/kpis?dryRun=true").contentType("text/csv").content(kpiCsv(f))),
			new Rule("POST /api/import/okrs", TEAM_EDITORS,
					f -> post("/api/import/okrs?dryRun=true&cycle=" + MatrixRequests.of(f).cycle())
						.contentType("text/csv").content(okrCsv(f))),
			new Rule("GET /import", EDITORS, f -> get("/import")),
			new Rule("POST /import/preview", TEAM_EDITORS, f -> multipart("/import/preview")
				.file(new MockMultipartFile("file", "kpis.csv", "text/csv", kpiCsv(f).getBytes(StandardCharsets.UTF_8)))
				.param("kind", "kpis")),
			new Rule("POST /import/run", TEAM_EDITORS, f -> multipart("/import/run")
				.file(new MockMultipartFile("file", "okrs.csv", "text/csv", okrCsv(f).getBytes(StandardCharsets.UTF_8)))
				.param("kind", "okrs").param("cycle", String.valueOf(MatrixRequests.of(f).cycle()))),
			new Rule("GET /import/template/{kind}", SIGNED_IN, f -> get("/import/template/okrs.csv")));

	private static String kpiCsv(Fixture f) {
		return "key,name,team,owner,unit,source,frequency,aggregation,indicator,shape,direction,target,warning\n"
				+ "%s,Matrix import,%s,%s,PERCENT,API,DAILY,AVERAGE,LAGGING,THRESHOLD,HIGHER_IS_BETTER,99,95\n"
					.formatted(TestUsers.unique("matrix-sheet"), f.team, MatrixRequests.of(f).owner());
	}

	private static String okrCsv(Fixture f) {
		return "objective,team,owner,key_result,baseline,target\n"
				+ "Matrix import %s,%s,%s,Matrix key result,1,2\n".formatted(TestUsers.unique("o"), f.team,
						MatrixRequests.of(f).owner());
	}
}
