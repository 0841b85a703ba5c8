package dev.tandem.sheet;

import static dev.tandem.ApiFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;

/** The export links on the pages that show the data, and the PDF reports. */
@TandemTest
class ReportPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	ApiFixtures api;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
	}

	@Test
	void theCycleReviewIsAPdfWithItsNameObjectivesAndCharts() throws IOException {
		var kpi = api.thresholdKpi("DAILY", "AVERAGE");
		var measurements = new ArrayList<NewMeasurement>();
		for (int day = 1; day <= 40; day++) {
			measurements.add(new NewMeasurement(kpi, Instant.now().minus(day, ChronoUnit.DAYS), 90 + day % 7, null));
		}
		kpis.record(measurements, i -> "[" + i + "]", Source.API);
		var cycle = api.cycleAroundToday();
		var name = JsonPathName.of(api, cycle);
		var team = api.teamWithOwner();
		var objective = ApiFixtures.id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Keep the lights on","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, team[0], team[1])).exchange());
		assertThat(api.post("/api/objectives/" + objective + "/key-results", """
				{"title":"Uptime to target","type":"METRIC","owner":"%s","baseline":90,"target":99,"kpi":"%s"}"""
			.formatted(team[1], kpi))).hasStatus(HttpStatus.CREATED);

		var pdf = mvc.get().uri("/review/report.pdf?cycle=" + cycle).with(user(TestUsers.ADMIN)).exchange();
		assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		assertThat(pdf.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains(".pdf");
		var bytes = pdf.getResponse().getContentAsByteArray();
		assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var document = Loader.loadPDF(bytes)) {
			var text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Review of " + name, "Keep the lights on", "Uptime to target", "Retrospective");
			assertThat(images(document)).as("the KPI's chart is drawn in").isPositive();
			keep("review-report", bytes, document);
		}
		assertThat(mvc.get().uri("/review/report.pdf?cycle=999999999").with(user(TestUsers.ADMIN)))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aKpiPageIsAPdfWithItsChartAndPeriods() throws IOException {
		var kpi = api.thresholdKpi("DAILY", "AVERAGE");
		kpis.record(java.util.List.of(new NewMeasurement(kpi, Instant.now().minus(2, ChronoUnit.DAYS), 97.5, null),
				new NewMeasurement(kpi, Instant.now().minus(1, ChronoUnit.DAYS), 98.5, null)), i -> "[" + i + "]", Source.API);
		var pdf = mvc.get().uri("/kpis/" + kpi + "/report.pdf").with(user(TestUsers.ADMIN)).exchange();
		assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		try (var document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			var text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Uptime", "KPI " + kpi, "Values per period", "up minutes / all minutes");
			assertThat(images(document)).isEqualTo(1);
			keep("kpi-report", pdf.getResponse().getContentAsByteArray(), document);
		}
	}

	@Test
	void thePagesThatShowTheDataLinkToItsExports() {
		var kpi = api.thresholdKpi("DAILY", "AVERAGE");
		var cycle = api.cycleAroundToday();
		assertThat(page("/")).contains("href=\"/api/health?format=csv\"", "href=\"/api/health?format=xlsx\"");
		assertThat(page("/kpis/" + kpi)).contains("href=\"/api/kpis/" + kpi + "/measurements?format=csv\"",
				"href=\"/api/kpis/" + kpi + "/measurements?format=xlsx\"", "href=\"/kpis/" + kpi + "/report.pdf\"");
		assertThat(page("/okrs?cycle=" + cycle)).contains("href=\"/api/cycles/" + cycle + "/overview?format=xlsx\"");
		assertThat(page("/review?cycle=" + cycle)).contains("href=\"/api/cycles/" + cycle + "/overview?format=csv\"",
				"href=\"/api/cycles/" + cycle + "/check-ins?format=xlsx\"", "href=\"/review/report.pdf?cycle=" + cycle + "\"");
		assertThat(page("/admin/audit?actor=admin&type=kpi")).contains("href=\"/api/audit?actor=admin&amp;type=kpi&amp;format=csv\"");
		// a signed-in session downloads from the API as the links do
		assertThat(mvc.get().uri("/api/health?format=csv").with(user(TestUsers.ADMIN))).hasStatusOk()
			.hasContentType("text/csv;charset=UTF-8");
	}

	private String page(String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(user(TestUsers.ADMIN).roles("ADMIN")).exchange();
		assertThat(result).as(uri).hasStatusOk();
		return body(result);
	}

	/** The report and a picture of its first page under target/, to look at. */
	private static void keep(String name, byte[] pdf, org.apache.pdfbox.pdmodel.PDDocument document) throws IOException {
		java.nio.file.Files.write(java.nio.file.Path.of("target", name + ".pdf"), pdf);
		javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 72), "png",
				java.nio.file.Path.of("target", name + ".png").toFile());
	}

	private static int images(org.apache.pdfbox.pdmodel.PDDocument document) throws IOException {
		int images = 0;
		for (var page : document.getPages()) {
			for (var name : page.getResources().getXObjectNames()) {
				if (page.getResources().getXObject(name) instanceof PDImageXObject) {
					images++;
				}
			}
		}
		return images;
	}

	/** The name of a cycle, from the API. */
	private static final class JsonPathName {

		static String of(ApiFixtures api, long cycle) {
			return com.jayway.jsonpath.JsonPath.read(body(api.get("/api/cycles/" + cycle).exchange()), "$.name");
		}
	}
}
