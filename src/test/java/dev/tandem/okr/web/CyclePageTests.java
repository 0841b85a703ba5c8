package dev.tandem.okr.web;

import static dev.tandem.ApiFixtures.body;
import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.Cycles;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

/**
 * The cycles page on a real database: the list everyone reads, creating a cycle as a quarter, a
 * year or dates of one's own (each bad input refused with its message and 422, nothing saved),
 * editing an open cycle, and closing one through its confirmation step — all for administrators
 * only, as the API allows, and audited as the API audits them.
 */
@TandemTest
class CyclePageTests {

	static final String ADMIN = TestUsers.ADMIN;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	Cycles cycles;

	ApiFixtures api;

	String team;

	String editor;

	String viewer;

	String cycleName;

	long cycle;

	long objective;

	long keyResult;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		editor = teamAndOwner[1];
		viewer = TestUsers.person(organisation, Role.VIEWER, team);
		cycleName = unique("cycle");
		cycle = cycle(cycleName, today().minusDays(30), today().plusDays(60));
		objective = id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Customers love us","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, team, editor)));
		keyResult = id(api.post("/api/objectives/" + objective + "/key-results", """
				{"title":"Raise first-contact resolution from 40 to 60","type":"METRIC","owner":"%s","baseline":40,"target":60}"""
			.formatted(editor)));
	}

	@Test
	void everyoneReadsTheCyclesAndOnlyAdministratorsSeeWhatTheyMayDo() {
		var asViewer = mvc.get().uri("/cycles").with(user(viewer)).exchange();
		assertThat(asViewer).hasStatusOk().hasViewName("okr/cycles").model()
			.extractingByKey("objectiveCounts").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry(cycle, 1);
		assertThat(body(asViewer)).contains(cycleName, "href=\"/okrs?cycle=" + cycle + "\"",
				"href=\"/review?cycle=" + cycle + "\"", "Active", "creates, edits and closes them")
			.doesNotContain("id=\"cycle-form\"", "/cycles/" + cycle + "/edit", "/cycles/" + cycle + "/close");

		var asAdmin = mvc.get().uri("/cycles").with(user(ADMIN)).exchange();
		assertThat(body(asAdmin)).contains("id=\"cycle-form\"", "action=\"/cycles#new-cycle\"", "href=\"/cycles/" + cycle + "/edit\"",
				"href=\"/cycles/" + cycle + "/close\"", "Create cycle");

		assertThat(body(mvc.get().uri("/okrs?cycle=" + cycle).with(user(viewer)).exchange()))
			.contains("href=\"/cycles\"", "All cycles").doesNotContain("Manage cycles");
		assertThat(body(mvc.get().uri("/okrs?cycle=" + cycle).with(user(ADMIN)).exchange())).contains("Manage cycles");
	}

	@Test
	void theFormOffersTheQuarterAfterTheLatestCycleAndCreatesIt() {
		var offered = offeredQuarter();
		var created = mvc.post().uri("/cycles").with(user(ADMIN)).with(csrf())
			.param("period", "QUARTER").param("quarter", offered.toLowerCase()).exchange();
		assertThat(created).flash().extractingByKey("notice").asString().startsWith("Cycle “" + offered + "” created");
		var saved = cycles.list().stream().filter(c -> c.name().equals(offered)).findFirst().orElseThrow();
		assertThat(created).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/cycles#cycle-" + saved.id());
		assertThat(saved.start().getDayOfMonth()).isEqualTo(1);
		assertThat(saved.status()).isEqualTo(CycleStatus.PLANNING);
		assertThat(api.get("/api/audit?type=cycle.created&actor=" + ADMIN + "&limit=1000")).bodyJson()
			.extractingPath("$[?(@.subject=='" + saved.id() + "')].after.name").asArray().containsExactly(offered);

		// it is now the latest: the form offers the quarter after it
		var next = saved.end().plusDays(1);
		assertThat(offeredQuarter()).isEqualTo(next.getYear() + "-Q" + ((next.getMonthValue() - 1) / 3 + 1));

		var name = unique("sprint");
		assertThat(mvc.post().uri("/cycles").with(user(ADMIN)).with(csrf()).param("period", "CUSTOM").param("name", name)
			.param("start", "2099-03-01").param("end", "2099-04-30").param("quarter", "ignored")).hasStatus3xxRedirection();
		assertThat(cycles.list()).anySatisfy(c -> {
			assertThat(c.name()).isEqualTo(name);
			assertThat(c.end()).isEqualTo(LocalDate.of(2099, 4, 30));
		});
	}

	@Test
	void aNewCycleRefusesEachBadInputWithItsMessageAndSavesNothing() {
		var before = cycles.list().size();
		refused(Map.of("period", "QUARTER", "quarter", " "), "quarter: is required");
		refused(Map.of("period", "QUARTER", "quarter", "2027-Q5"), "quarter: must look like 2026-Q4");
		refused(Map.of("period", "YEAR", "year", "twenty"), "year: must be a whole number");
		refused(Map.of("period", "YEAR", "year", "1999"), "year: must be greater than or equal to 2000");
		refused(Map.of("period", "YEAR"), "year: is required");
		refused(Map.of("period", "CUSTOM", "name", "", "start", "2027-02-30"), "name: is required",
				"start: must be a date such as 2026-11-01", "end: is required");
		refused(Map.of("period", "CUSTOM", "name", "Backwards", "start", "2027-03-01", "end", "2027-02-01"),
				"end: must be after start");
		refused(Map.of("period", "CUSTOM", "name", "Forever", "start", "2027-01-01", "end", "2030-01-01"),
				"end: a cycle lasts at most two years");
		// a name that is taken is the domain's refusal (409 in the API), shown above the form
		refused(Map.of("period", "CUSTOM", "name", cycleName, "start", "2098-01-01", "end", "2098-03-31"),
				"A cycle named &#39;" + cycleName + "&#39; already exists.");
		assertThat(cycles.list()).hasSize(before);
	}

	@Test
	void anOpenCycleIsRenamedAndMovedAndAClosedOneRefusesWithTheDomainsReason() {
		var form = mvc.get().uri("/cycles/" + cycle + "/edit").with(user(ADMIN)).exchange();
		assertThat(form).hasStatusOk().hasViewName("okr/cycle-form");
		assertThat(body(form)).contains("value=\"" + cycleName + "\"", "value=\"" + today().minusDays(30) + "\"");
		long version = cycles.get(cycle).version();

		var renamed = unique("renamed");
		var saved = edit(renamed, today().minusDays(31), today().plusDays(61), version);
		assertThat(saved).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/cycles#cycle-" + cycle);
		assertThat(saved).flash().extractingByKey("notice").asString().startsWith("Cycle “" + renamed + "” saved");
		assertThat(cycles.get(cycle).name()).isEqualTo(renamed);
		assertThat(cycles.get(cycle).end()).isEqualTo(today().plusDays(61));
		assertThat(api.get("/api/audit?type=cycle.updated&actor=" + ADMIN + "&limit=1000")).bodyJson()
			.extractingPath("$[?(@.subject=='" + cycle + "')].before.name").asArray().containsExactly(cycleName);

		// someone else's edit in between: the stale version is refused
		var stale = edit("Stale", today().minusDays(31), today().plusDays(61), version);
		assertThat(stale).hasStatus(422);
		assertThat(body(stale)).contains("reload it and apply your change again");

		var backwards = edit(renamed, today().plusDays(5), today().minusDays(5), null);
		assertThat(backwards).hasStatus(422);
		assertThat(body(backwards)).contains("end: must be after start", "aria-invalid=\"true\"");

		checkIn(keyResult);
		var excluding = edit(renamed, today().plusDays(1), today().plusDays(90), null);
		assertThat(excluding).hasStatus(422);
		assertThat(body(excluding)).contains("check-ins of this cycle would fall outside");

		assertThat(api.post("/api/cycles/" + cycle + "/close", "")).hasStatusOk();
		assertThat(body(mvc.get().uri("/cycles/" + cycle + "/edit").with(user(ADMIN)).exchange()))
			.contains("This cycle is closed and graded");
		var closed = edit("After the fact", today().minusDays(31), today().plusDays(61), null);
		assertThat(closed).hasStatus(422);
		assertThat(body(closed)).contains("Nothing was saved", "was closed at");
		assertThat(cycles.get(cycle).name()).isEqualTo(renamed);
	}

	@Test
	void closingACycleAsksFirstThenFreezesItsScoresAndIsAuditedAsInTheApi() {
		var confirm = mvc.get().uri("/cycles/" + cycle + "/close").with(user(ADMIN)).exchange();
		assertThat(confirm).hasStatusOk().hasViewName("okr/confirm");
		assertThat(body(confirm)).contains("Close " + cycleName + "?", "its 1 objective", "Retrospective notes can still be written",
				"closing it now grades it on today&#39;s values", "action=\"/cycles/" + cycle + "/close\"", "Close the cycle",
				"name=\"_csrf\"");
		assertThat(cycles.get(cycle).status()).as("asking closes nothing").isEqualTo(CycleStatus.ACTIVE);

		var closed = mvc.post().uri("/cycles/" + cycle + "/close").with(user(ADMIN)).with(csrf()).exchange();
		assertThat(closed).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/cycles#cycle-" + cycle);
		assertThat(closed).flash().extractingByKey("notice").asString().contains(cycleName, "closed", "scores are final");
		assertThat(cycles.get(cycle).status()).isEqualTo(CycleStatus.CLOSED);
		assertThat(api.post("/api/key-results/" + keyResult + "/check-ins", "{\"value\":50,\"confidence\":6}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(api.get("/api/audit?type=cycle.closed&actor=" + ADMIN + "&limit=1000")).bodyJson()
			.extractingPath("$[?(@.subject=='" + cycle + "')].summary").asArray().singleElement().asString()
			.isEqualTo("Closed cycle " + cycleName + "; its scores are frozen");

		var again = mvc.get().uri("/cycles/" + cycle + "/close").with(user(ADMIN)).exchange();
		// by the person's name, not their username
		var closer = organisation.person(ADMIN).displayName();
		assertThat(closer).isNotEqualTo(ADMIN);
		assertThat(body(again)).contains("This cycle was already closed at").contains(" by " + closer + ".")
			.doesNotContain("Close the cycle");
		assertThat(mvc.post().uri("/cycles/" + cycle + "/close").with(user(ADMIN)).with(csrf()))
			.flash().extractingByKey("alert").asString().contains("was already closed");

		var planned = cycle(unique("planned"), today().plusDays(100), today().plusDays(190));
		assertThat(body(mvc.get().uri("/cycles/" + planned + "/close").with(user(ADMIN)).exchange()))
			.contains("has not started yet").doesNotContain("Close the cycle");
		assertThat(mvc.post().uri("/cycles/" + planned + "/close").with(user(ADMIN)).with(csrf()))
			.flash().extractingByKey("alert").asString().contains("has not started yet");
		assertThat(cycles.get(planned).status()).isEqualTo(CycleStatus.PLANNING);
	}

	@Test
	void onlyAdministratorsManageCycles() {
		var before = cycles.list().size();
		for (var username : new String[] { editor, viewer }) {
			assertThat(mvc.post().uri("/cycles").with(user(username)).with(csrf()).param("period", "CUSTOM")
				.param("name", unique("refused")).param("start", "2097-01-01").param("end", "2097-03-31"))
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/cycles/" + cycle + "/edit").with(user(username))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/cycles/" + cycle + "/edit").with(user(username)).with(csrf())
				.param("name", "Mine now")).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/cycles/" + cycle + "/close").with(user(username))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/cycles/" + cycle + "/close").with(user(username)).with(csrf()))
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(cycles.list()).hasSize(before);
		assertThat(cycles.get(cycle).status()).isEqualTo(CycleStatus.ACTIVE);
		assertThat(cycles.get(cycle).name()).isEqualTo(cycleName);
		assertThat(mvc.get().uri("/cycles/987654321/close").with(user(ADMIN))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/cycles").with(user(ADMIN))).as("without its CSRF token").hasStatus(HttpStatus.FORBIDDEN);
	}

	private void refused(Map<String, String> params, String... messages) {
		var request = mvc.post().uri("/cycles").with(user(ADMIN)).with(csrf());
		params.forEach(request::param);
		var result = request.exchange();
		assertThat(result).as("%s", params).hasStatus(422).hasViewName("okr/cycles");
		assertThat(body(result)).as("%s", params).contains("Nothing was saved").contains(messages);
	}

	private String offeredQuarter() {
		var page = mvc.get().uri("/cycles").with(user(ADMIN)).exchange();
		assertThat(page).hasStatusOk();
		return ((CycleForm) page.getMvcResult().getModelAndView().getModel().get("cycleForm")).getQuarter();
	}

	private MvcTestResult edit(String name, LocalDate start, LocalDate end, Long version) {
		var request = mvc.post().uri("/cycles/" + cycle + "/edit").with(user(ADMIN)).with(csrf())
			.param("name", name).param("start", start.toString()).param("end", end.toString());
		if (version != null) {
			request.param("version", String.valueOf(version));
		}
		return request.exchange();
	}

	private long cycle(String name, LocalDate start, LocalDate end) {
		return id(api.post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(name, start, end)));
	}

	private void checkIn(long id) {
		assertThat(api.post("/api/key-results/" + id + "/check-ins", "{\"value\":45,\"confidence\":6}"))
			.hasStatus(HttpStatus.CREATED);
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	private static long id(MockMvcTester.MockMvcRequestBuilder request) {
		var result = request.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}
}
