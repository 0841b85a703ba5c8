package dev.tandem.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.kpi.Kpis;

@TandemTest
class ImportPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	String team;

	String owner;

	@BeforeEach
	void setUp() {
		var teamAndOwner = new ApiFixtures(mvc).teamWithOwner();
		team = teamAndOwner[0];
		owner = teamAndOwner[1];
	}

	RequestPostProcessor admin() {
		return user(TestUsers.ADMIN).roles("ADMIN");
	}

	MockMultipartFile file(String csv) {
		return new MockMultipartFile("file", "kpis.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	String csv(String key, String target) {
		return SheetImportApiTests.KPI_HEADER
				+ "%s,Uptime,%s,%s,PERCENT,API,DAILY,AVERAGE,LAGGING,THRESHOLD,HIGHER_IS_BETTER,%s,95\n".formatted(key, team,
						owner, target);
	}

	@Test
	void thePageOffersTheTemplatesAndTheCyclesAndTheTemplatesAreCsv() {
		assertThat(mvc.get().uri("/import").with(admin())).hasStatusOk().bodyText().contains("/import/template/okrs.csv",
				"/import/template/kpis.csv", "name=\"file\"");
		var template = mvc.get().uri("/import/template/kpis.csv").with(admin()).exchange();
		assertThat(template).hasStatusOk().hasHeader("Content-Disposition", "attachment; filename=\"tandem-kpis.csv\"");
		assertThat(ApiFixtures.body(template)).startsWith(String.join(",", KpiSheetImport.FIELDS) + "\n");
		assertThat(mvc.get().uri("/import/template/nothing").with(admin())).hasStatus(404);
	}

	@Test
	void previewShowsTheMappingAndProblemsAndWritesNothingThenRunImports() {
		var key = TestUsers.unique("page-kpi");
		var bad = mvc.post().uri("/import/preview").multipart().file(file(csv(key, "lots"))).param("kind", "kpis")
			.with(admin()).with(csrf()).exchange();
		assertThat(bad).hasStatusOk().bodyText().contains("1 problem to fix", "is not a number", "name=\"column:Key\"");
		assertThat(kpis.find(key)).isEmpty();

		var clean = mvc.post().uri("/import/preview").multipart().file(file(csv(key, "99"))).param("kind", "kpis")
			.header("HX-Request", "true").with(admin()).with(csrf()).exchange();
		assertThat(clean).hasStatusOk().bodyText().contains("No problems", "Would be created", key)
			.doesNotContain("<html");
		assertThat(kpis.find(key)).isEmpty();

		var run = mvc.post().uri("/import/run").multipart().file(file(csv(key, "99"))).param("kind", "kpis")
			.header("HX-Request", "true").with(admin()).with(csrf()).exchange();
		assertThat(run).hasStatusOk().bodyText().contains("Imported 1 KPI");
		assertThat(kpis.get(key).target()).isEqualTo(99.0);
	}

	@Test
	void aRefusedFileIsShownAs422WithItsReason() {
		var empty = new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]);
		assertThat(mvc.post().uri("/import/preview").multipart().file(empty).param("kind", "kpis").with(admin())
			.with(csrf())).hasStatus(422).bodyText().contains("choose a CSV or XLSX file");
		var png = new MockMultipartFile("file", "a.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0 });
		assertThat(mvc.post().uri("/import/preview").multipart().file(png).param("kind", "kpis").with(admin())
			.with(csrf())).hasStatus(422).bodyText().contains("neither CSV nor XLSX");
	}
}
