package dev.tandem.okr.web;

import static dev.tandem.ApiFixtures.body;
import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.okr.CheckIns;
import dev.tandem.okr.Objectives;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

/**
 * The OKR pages' controllers on a real database: what each page shows, which controls appear
 * for whom, htmx fragments, and forms that refuse bad input with 422 and their messages while
 * saving nothing. (The browser walk of the same pages is {@link OkrPagesBrowserTests}.)
 */
@TandemTest
class OkrPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	Objectives objectives;

	@Autowired
	CheckIns checkIns;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	ApiFixtures api;

	String team;

	String editor;

	String member;

	String viewer;

	long cycle;

	long objective;

	long keyResult;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		editor = teamAndOwner[1];
		member = TestUsers.person(organisation, Role.MEMBER, team);
		viewer = TestUsers.person(organisation, Role.VIEWER, team);
		var today = LocalDate.now(ZoneOffset.UTC);
		cycle = id(api.post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(unique("cycle"), today.minusDays(30), today.plusDays(60))));
		objective = id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Customers <b>love</b> us","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, team, editor)));
		keyResult = id(api.post("/api/objectives/" + objective + "/key-results", """
				{"title":"Raise first-contact resolution from 40 to 60","type":"METRIC","owner":"%s","baseline":40,"target":60,"unit":"%%"}"""
			.formatted(member)));
	}

	@Test
	void theCyclePageShowsTheTreeWithScoresAndFiltersByTeam() {
		var child = id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Know every repeat complaint","level":"INDIVIDUAL",
				 "commitment":"COMMITTED","parentId":%d}""".formatted(cycle, team, member, objective)));
		var page = mvc.get().uri("/okrs?cycle=" + cycle).with(user(editor)).exchange();
		assertThat(page).hasStatusOk().hasViewName("okr/cycle").model().containsKeys("tree", "overview", "cycles");
		assertThat(body(page))
			.contains("Customers &lt;b&gt;love&lt;/b&gt; us", "href=\"/objectives/" + child + "\"", "New objective")
			.containsSubsequence("Customers &lt;b&gt;love&lt;/b&gt; us", "<ul>", "Know every repeat complaint")
			.doesNotContain("Customers <b>love</b> us");

		var filtered = mvc.get().uri("/okrs?cycle=" + cycle + "&team=" + team).with(user(viewer))
			.header("HX-Request", "true").header("HX-Target", "okr-tree").exchange();
		assertThat(filtered).hasStatusOk();
		assertThat(body(filtered)).startsWith("<section id=\"okr-tree\"").contains("2 objectives").doesNotContain("<html");

		var otherTeam = mvc.get().uri("/okrs?cycle=" + cycle + "&team=nobody-" + unique("x")).with(user(viewer)).exchange();
		assertThat(body(otherTeam)).contains("No objectives for this team in this cycle").doesNotContain("New objective");
	}

	@Test
	void anObjectivePageOffersEditsOnlyToThoseWhoMayMakeThem() {
		var asEditor = mvc.get().uri("/objectives/" + objective).with(user(editor)).exchange();
		assertThat(asEditor).hasStatusOk().hasViewName("okr/objective").model()
			.containsKeys("checkIns", "changes", "forecasts", "alerts", "findings");
		assertThat(body(asEditor)).contains("Edit objective", "Add key result", "Set guardrails", "Raise first-contact resolution");

		var asViewer = mvc.get().uri("/objectives/" + objective).with(user(viewer)).exchange();
		assertThat(asViewer).hasStatusOk();
		assertThat(body(asViewer)).doesNotContain("Edit objective", "Add key result", "Set guardrails")
			.contains("Customers &lt;b&gt;love&lt;/b&gt; us");

		assertThat(mvc.get().uri("/objectives/987654321").with(user(viewer))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theCheckInHistoryPagesThroughHtmx() {
		for (int i = 0; i < 12; i++) {
			checkInAs(member, keyResult, 41 + i);
		}
		var second = mvc.get().uri("/objectives/" + objective + "?page=1").with(user(viewer))
			.header("HX-Request", "true").header("HX-Target", "objective-check-ins").exchange();
		assertThat(second).hasStatusOk();
		assertThat(body(second)).startsWith("<section class=\"card\" id=\"objective-check-ins\"")
			.contains("Showing 11–12 of 12", "12 check-ins");
	}

	@Test
	void anObjectiveFormRefusesBadInputWithItsMessagesAndSavesNothing() {
		var before = objectives.list(cycle, team, 100, 0).size();
		var refused = mvc.post().uri("/objectives/new").with(user(editor)).with(csrf())
			.param("cycle", String.valueOf(cycle)).param("team", team).param("owner", editor).param("title", " ")
			.param("level", "TEAM").param("commitment", "COMMITTED").param("state", "ACTIVE").param("parentId", "oops")
			.exchange();
		assertThat(refused).hasStatus(422).hasViewName("okr/objective-form");
		assertThat(body(refused)).contains("Nothing was saved", "title: is required", "parentId: must be a whole number",
				"aria-invalid=\"true\"");
		assertThat(objectives.list(cycle, team, 100, 0)).hasSize(before);

		var saved = mvc.post().uri("/objectives/new").with(user(editor)).with(csrf())
			.param("cycle", String.valueOf(cycle)).param("team", team).param("owner", editor)
			.param("title", "Answer while customers still care").param("level", "TEAM").param("commitment", "ASPIRATIONAL")
			.param("state", "DRAFT").param("parentId", "").exchange();
		assertThat(saved).hasStatus3xxRedirection();
		assertThat(objectives.list(cycle, team, 100, 0)).hasSize(before + 1)
			.anySatisfy(o -> assertThat(o.title()).isEqualTo("Answer while customers still care"));
	}

	@Test
	void theObjectiveFormPicksItsAlignmentInsteadOfListingTheCycle() {
		var prefix = unique("many").replace("-", "");
		long teamId = organisation.team(team).id();
		long ownerId = organisation.person(editor).id();
		var now = java.time.Instant.now().atOffset(ZoneOffset.UTC);
		for (int i = 0; i < 300; i++) {
			jdbc.sql("""
					insert into objective (cycle_id, team_id, owner_id, owner_name, title, objective_level, commitment, state,
					  created_at, updated_at)
					values (?, ?, ?, ?, ?, 'COMPANY', 'COMMITTED', 'ACTIVE', ?, ?)""")
				.params(cycle, teamId, ownerId, editor, prefix + " seeded " + i, now, now)
				.update();
		}
		var created = body(mvc.get().uri("/objectives/new?cycle=" + cycle).with(user(editor)).exchange());
		assertThat(created).contains("hx-get=\"/pickers/objectives\"", "hx-include=\"#field-cycle\"", "id=\"field-parentId\"",
				"id=\"picker-contributesTo\"");
		assertThat(count(created, prefix)).isZero();
		// not one option per objective, as the select had
		assertThat(created).doesNotContain("Customers &lt;b&gt;love");

		// the edit form names only what the objective aligns to: its parent and the one it contributes to
		var other = api.teamWithOwner();
		long parent = jdbc.sql("select id from objective where title = ?").param(prefix + " seeded 7").query(Long.class).single();
		long elsewhere = id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Elsewhere %s","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, other[0], other[1], prefix)));
		long child = id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Child %s","level":"TEAM","commitment":"COMMITTED",
				 "parentId":%d,"contributesTo":[%d]}""".formatted(cycle, team, editor, prefix, parent, elsewhere)));
		var edit = body(mvc.get().uri("/objectives/" + child + "/edit").with(user(editor)).exchange());
		assertThat(edit).contains("hx-get=\"/pickers/objectives?cycle=" + cycle + "&amp;except=" + child + "\"",
				"value=\"" + parent + "\"", "Chosen: " + prefix + " seeded 7 (",
				"name=\"contributesTo\" value=\"" + elsewhere + "\" checked", "Elsewhere " + prefix + " (");
		assertThat(count(edit, prefix + " seeded ")).isEqualTo(1);
	}

	@Test
	void theObjectiveFormSavesWhatWasPickedAndShowsTheAlignmentRulesRefusals() {
		var other = api.teamWithOwner();
		long elsewhere = id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Elsewhere","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, other[0], other[1])));
		var today = LocalDate.now(ZoneOffset.UTC);
		long later = id(api.post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(unique("later"), today.plusDays(400), today.plusDays(490))));
		long outside = id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Outside","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(later, team, editor)));

		// the typed (or picked) id of the parent, a ticked contribution and the "Add" picker left empty
		var saved = newObjective("Picked " + unique("t")).param("parentId", String.valueOf(objective))
			.param("contributesTo", String.valueOf(elsewhere), "").exchange();
		assertThat(saved).hasStatus3xxRedirection();
		var id = Long.parseLong(saved.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		assertThat(objectives.get(id).parentId()).isEqualTo(objective);
		assertThat(objectives.get(id).contributesTo()).containsExactly(elsewhere);

		// the API's alignment rules refuse, and the form shows why at the inputs
		var refused = newObjective("Refused").param("parentId", String.valueOf(outside))
			.param("contributesTo", String.valueOf(objective)).exchange();
		assertThat(refused).hasStatus(422);
		assertThat(body(refused)).contains("Nothing was saved", "neither is nor encloses", "belongs to the same team",
				"href=\"#field-parentId\"", "href=\"#field-contributesTo\"", "id=\"field-contributesTo-error\"");

		// something typed into the "Add" picker that is no number: the message, and the ticked one kept
		var edit = mvc.post().uri("/objectives/" + id + "/edit").with(user(editor)).with(csrf())
			.param("team", team).param("owner", editor).param("title", "Picked again").param("level", "TEAM")
			.param("commitment", "COMMITTED").param("version", String.valueOf(objectives.get(id).version()))
			.param("parentId", String.valueOf(objective)).param("contributesTo", String.valueOf(elsewhere), "Elsewhere")
			.exchange();
		assertThat(edit).hasStatus(422);
		assertThat(body(edit)).contains("contributesTo: must be a whole number",
				"name=\"contributesTo\" value=\"" + elsewhere + "\" checked");
		assertThat(objectives.get(id).title()).startsWith("Picked ");
	}

	@Test
	void theCoachReadsTheObjectiveAsItIsWritten() {
		var findings = mvc.post().uri("/objectives/coach").with(user(viewer)).with(csrf())
			.param("title", "Grow revenue by 20 %").exchange();
		assertThat(findings).hasStatusOk();
		assertThat(body(findings)).startsWith("<div id=\"coach-live\"").contains("NUMERIC_OBJECTIVE");

		var keyResultFindings = mvc.post().uri("/key-results/coach").with(user(editor)).with(csrf())
			.param("objective", String.valueOf(objective)).param("title", "Ship the new widget").param("type", "METRIC")
			.exchange();
		assertThat(body(keyResultFindings)).contains("TASK_NOT_OUTCOME");
	}

	@Test
	void onlyEditorsOfTheTeamOpenTheForms() {
		assertThat(mvc.get().uri("/objectives/new").with(user(member))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/objectives/" + objective + "/edit").with(user(member))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/objectives/" + objective + "/key-results/new").with(user(viewer)))
			.hasStatus(HttpStatus.FORBIDDEN);
		var form = mvc.get().uri("/objectives/" + objective + "/edit").with(user(editor)).exchange();
		assertThat(form).hasStatusOk();
		assertThat(body(form)).contains("value=\"Customers &lt;b&gt;love&lt;/b&gt; us\"", "id=\"coach-live\"");
	}

	@Test
	void aKeyResultFormRefusesATargetEqualToItsBaselineAndSavesNothing() {
		var refused = mvc.post().uri("/objectives/" + objective + "/key-results/new").with(user(editor)).with(csrf())
			.param("title", "Hold CSAT").param("type", "METRIC").param("owner", editor).param("weight", "1")
			.param("baseline", "4.6").param("target", "4.6").param("kpi", "").exchange();
		assertThat(refused).hasStatus(422);
		assertThat(body(refused)).contains("id=\"field-target\"", "must differ from the baseline");
		assertThat(objectives.get(objective).keyResults()).hasSize(1);

		var saved = mvc.post().uri("/key-results/" + keyResult + "/edit").with(user(editor)).with(csrf())
			.param("title", "Raise first-contact resolution from 40 to 65").param("owner", member).param("weight", "2")
			.param("baseline", "40").param("target", "65").param("unit", "%").param("kpi", "").exchange();
		assertThat(saved).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/objectives/" + objective + "#key-results");
		assertThat(objectives.get(objective).keyResults().get(0).target()).isEqualTo(65.0);
	}

	@Test
	void myCheckInIsPrefilledAndSavesEveryRowOrNone() {
		var second = id(api.post("/api/objectives/" + objective + "/key-results", """
				{"title":"Root causes written up","type":"MILESTONE","owner":"%s"}""".formatted(member)));
		var page = mvc.get().uri("/check-in").with(user(member)).exchange();
		assertThat(page).hasStatusOk().hasViewName("okr/check-in");
		assertThat(body(page)).contains("Raise first-contact resolution", "Root causes written up", "Confidence rubric",
				"Coin toss", "name=\"rows[1].done\"");

		var refused = mvc.post().uri("/check-in").with(user(member)).with(csrf())
			.param("rows[0].keyResult", String.valueOf(keyResult)).param("rows[0].value", "47").param("rows[0].confidence", "7")
			.param("rows[1].keyResult", String.valueOf(second)).param("rows[1].done", "true").param("rows[1].confidence", "11")
			.exchange();
		assertThat(refused).hasStatus(422);
		assertThat(body(refused)).contains("Nothing was recorded", "id=\"row-1-confidence-error\"", "must be less than or equal to 10");
		assertThat(checkIns.list(keyResult, 10, 0)).isEmpty();

		var saved = mvc.post().uri("/check-in").with(user(member)).with(csrf())
			.param("rows[0].keyResult", String.valueOf(keyResult)).param("rows[0].value", "47").param("rows[0].confidence", "7")
			.param("rows[0].changed", "Knowledge base rewritten")
			.param("rows[1].keyResult", String.valueOf(second)).param("rows[1].skip", "true").exchange();
		assertThat(saved).hasStatus3xxRedirection().flash().containsEntry("notice", "Checked in on 1 key result. Thank you.");
		assertThat(checkIns.list(keyResult, 10, 0)).singleElement()
			.satisfies(c -> assertThat(c.changed()).isEqualTo("Knowledge base rewritten"));
		assertThat(checkIns.list(second, 10, 0)).isEmpty();
	}

	@Test
	void aRowForSomeoneElsesKeyResultIsIgnored() {
		var saved = mvc.post().uri("/check-in").with(user(viewer)).with(csrf())
			.param("rows[0].keyResult", String.valueOf(keyResult)).param("rows[0].value", "50").param("rows[0].confidence", "7")
			.exchange();
		assertThat(saved).hasStatus3xxRedirection().flash().containsKey("alert");
		assertThat(checkIns.list(keyResult, 10, 0)).isEmpty();
	}

	@Test
	void actionsOnTheObjectiveReportWhatTheyDid() {
		var kpi = unique("guard");
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"CSAT","team":"%s","owner":"%s","unit":"SCORE","source":"API","frequency":"WEEKLY",
				 "aggregation":"AVERAGE","indicator":"LAGGING","shape":"THRESHOLD","direction":"HIGHER_IS_BETTER",
				 "target":4.5,"warning":4.2}""".formatted(kpi, team, editor))).hasStatus(HttpStatus.CREATED);
		var guarded = mvc.post().uri("/objectives/" + objective + "/guardrails").with(user(editor)).with(csrf())
			.param("kpi", kpi).exchange();
		assertThat(guarded).hasStatus3xxRedirection().flash().containsEntry("notice", "Guardrails saved: " + kpi + ".");
		assertThat(objectives.get(objective).guardrails()).extracting(g -> g.kpi()).containsExactly(kpi);

		var unknown = mvc.post().uri("/objectives/" + objective + "/guardrails").with(user(editor)).with(csrf())
			.param("kpi", "no-such-kpi").exchange();
		assertThat(unknown).hasStatus3xxRedirection().flash().containsEntry("alert",
				"Nothing was saved: no KPI 'no-such-kpi' exists.");

		var retro = mvc.post().uri("/objectives/" + objective + "/retrospective").with(user(member)).with(csrf())
			.param("note", "We learned <i>a lot</i>.").exchange();
		assertThat(retro).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/objectives/" + objective + "/retrospective").with(user(editor)).with(csrf())
			.param("note", "We learned <i>a lot</i>.")).hasStatus3xxRedirection();
		assertThat(objectives.get(objective).retrospective()).isEqualTo("We learned <i>a lot</i>.");
		assertThat(body(mvc.get().uri("/objectives/" + objective).with(user(viewer)).exchange()))
			.contains("We learned &lt;i&gt;a lot&lt;/i&gt;.");
	}

	@Test
	void theReviewShowsGradesRetrospectivesAndTheLinkedKpisAroundTheCycle() {
		var page = mvc.get().uri("/review?cycle=" + cycle).with(user(viewer)).exchange();
		assertThat(page).hasStatusOk().hasViewName("okr/review").model().containsKeys("objectives", "charts", "mean");
		assertThat(body(page)).contains("Review of ", "Customers &lt;b&gt;love&lt;/b&gt; us", "Not written yet",
				"data-print", "not graded yet");
	}

	private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder newObjective(String title) {
		return mvc.post().uri("/objectives/new").with(user(editor)).with(csrf())
			.param("cycle", String.valueOf(cycle)).param("team", team).param("owner", editor).param("title", title)
			.param("level", "TEAM").param("commitment", "COMMITTED").param("state", "ACTIVE");
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			n++;
		}
		return n;
	}

	private void checkInAs(String username, long keyResultId, double value) {
		assertThat(mvc.post().uri("/api/key-results/" + keyResultId + "/check-ins")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(
					TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"value\":%s,\"confidence\":6}".formatted(value))).hasStatus(HttpStatus.CREATED);
	}

	private static long id(MockMvcTester.MockMvcRequestBuilder request) {
		var result = request.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}
}
