package dev.tandem.loop;

import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.SessionCookie;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

/**
 * The inbox page: what it shows, who may decide, and how a decision (or a refused one) is
 * reported; and what the loop shows on the OKR pages.
 */
@TandemTest
class LoopPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	Proposals proposals;

	@Autowired
	Organisation organisation;

	@Autowired
	GuardrailAlerts alerts;

	ApiFixtures api;

	String team;

	String editor;

	String kpi;

	long cycle;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		editor = teamAndOwner[1];
		var today = LocalDate.now(ZoneOffset.UTC);
		var created = api.post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(unique("cycle"), today.minusDays(10), today.plusDays(80)))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		cycle = ((Number) JsonPath.read(ApiFixtures.body(created), "$.id")).longValue();
		kpi = unique("inbox-kpi");
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"Checkout <b>success</b>","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
				 "frequency":"DAILY","aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER","target":99,"warning":97}""".formatted(kpi, team, editor)))
			.hasStatus(HttpStatus.CREATED);
		kpis.record(List.of(new NewMeasurement(kpi, Instant.now().minusSeconds(600), 60, null)), i -> "", Source.API);
		await().atMost(Duration.ofSeconds(20)).until(() -> proposal().isPresent());
	}

	private java.util.Optional<ProposalView> proposal() {
		return proposals.list(ProposalState.OPEN, 1000, 0).stream().filter(p -> p.kpi().equals(kpi)).findFirst();
	}

	/**
	 * A thousand open proposals are a count and a pager, not a thousand entries: each list pages
	 * on its own, the KPI page's link opens the page its proposal is on, and htmx asks for one list.
	 */
	@Test
	void theInboxPagesItsListsAndCountsEveryOpenProposal() {
		var keys = new java.util.ArrayList<String>();
		for (int i = 0; i < LoopPageController.PER_PAGE; i++) {
			var key = unique("paged-kpi");
			assertThat(api.post("/api/kpis", """
					{"key":"%s","name":"Paged %d","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
					 "frequency":"DAILY","aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD",
					 "direction":"HIGHER_IS_BETTER","target":99,"warning":97}""".formatted(key, i, team, editor)))
				.hasStatus(HttpStatus.CREATED);
			keys.add(key);
		}
		kpis.record(keys.stream().map(key -> new NewMeasurement(key, Instant.now().minusSeconds(600), 60, null)).toList(),
				i -> "", Source.API);
		await().atMost(Duration.ofSeconds(30)).until(() -> proposals.list(ProposalState.OPEN, 10_000, 0).stream()
			.filter(p -> keys.contains(p.kpi())).count() == keys.size());

		long open = proposals.count(ProposalState.OPEN);
		assertThat(open).isGreaterThan(LoopPageController.PER_PAGE);
		var oldest = proposals.list(ProposalState.OPEN, 1, (int) open - 1).get(0);
		var first = mvc.get().uri("/inbox").with(user(editor)).exchange();
		assertThat(first).hasStatusOk().bodyText()
			.contains(open + " open proposals", "Showing 1–20 of " + open, "href=\"/inbox?proposals=1\"")
			.doesNotContain("id=\"proposal-" + oldest.id() + "\"");

		long lastPage = (open - 1) / LoopPageController.PER_PAGE;
		assertThat(mvc.get().uri("/inbox?proposal={id}", oldest.id()).with(user(editor))).hasStatusOk().bodyText()
			.contains("id=\"proposal-" + oldest.id() + "\"", "Showing " + (lastPage * LoopPageController.PER_PAGE + 1) + "–" + open);

		var list = mvc.get().uri("/inbox?proposals=1").header("HX-Request", "true").header("HX-Target", "proposals")
			.with(user(editor)).exchange();
		assertThat(list).hasStatusOk().bodyText().startsWith("<section").contains("id=\"proposals\"", "Showing 21–")
			.doesNotContain("What I owe", "id=\"graduations\"");
		// a page past the end is the last page
		assertThat(mvc.get().uri("/inbox?proposals=99999").with(user(editor))).hasStatusOk().bodyText()
			.contains("id=\"proposal-" + oldest.id() + "\"");
	}

	/** The inbox is personal: its focus ranks the person's teams' KPIs, not the whole organisation's. */
	@Test
	void theInboxFocusesOnThePersonsTeams() {
		var other = api.teamWithOwner();
		var elsewhere = unique("elsewhere-kpi");
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"Elsewhere uptime","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
				 "frequency":"DAILY","aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER","target":99,"warning":97}""".formatted(elsewhere, other[0], other[1])))
			.hasStatus(HttpStatus.CREATED);
		kpis.record(List.of(new NewMeasurement(elsewhere, Instant.now().minusSeconds(600), 10, null)), i -> "", Source.API);

		var body = ApiFixtures.body(mvc.get().uri("/inbox").with(user(editor)).exchange());
		var focusCard = body.substring(body.indexOf("id=\"focus-title\""));
		assertThat(focusCard).contains("Focus for your teams", "href=\"/kpis/" + kpi + "\"")
			.doesNotContain("href=\"/kpis/" + elsewhere + "\"");
		var theirs = ApiFixtures.body(mvc.get().uri("/inbox").with(user(other[1])).exchange());
		assertThat(theirs.substring(theirs.indexOf("id=\"focus-title\""))).contains("href=\"/kpis/" + elsewhere + "\"")
			.doesNotContain("href=\"/kpis/" + kpi + "\"");
	}

	@Test
	void anEditorSeesTheProposalEscapedAndCanAcceptIt() {
		var page = mvc.get().uri("/inbox").with(user(editor)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains("Checkout &lt;b&gt;success&lt;/b&gt;").doesNotContain("<b>success</b>")
			.contains("Accept as a draft OKR").contains("What I owe")
			.contains("Decisions waiting for you below: 1 proposal and 0 graduations.");

		var id = proposal().orElseThrow().id();
		// the flash notice travels in the session, named by its cookie, to the page the redirect leads to
		var session = new SessionCookie();
		var accepted = session.keep(
				mvc.post().uri("/inbox/proposals/{id}/accept", id).with(user(editor)).with(csrf()).exchange());
		assertThat(accepted).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/inbox");
		assertThat(accepted).flash().containsKey("notice");
		assertThat(proposals.get(id).state()).isEqualTo(ProposalState.ACCEPTED);
		// the notice links to the draft it made
		assertThat(accepted).flash().containsEntry("noticeHref", "/objectives/" + proposals.get(id).objectiveId());
		var inbox = mvc.get().uri("/inbox").with(user(editor)).with(session).exchange();
		assertThat(inbox).bodyText().contains("href=\"/objectives/" + proposals.get(id).objectiveId() + "\">Open the draft</a>");

		var again = mvc.post().uri("/inbox/proposals/{id}/accept", id).with(user(editor)).with(csrf()).exchange();
		assertThat(again).hasStatus3xxRedirection();
		assertThat(again).flash().containsKey("alert");
	}

	/**
	 * The KPI page links its waiting proposal to the inbox entry; once accepted, the draft's page
	 * links back to that proposal in the KPI's history, which says how it ended.
	 */
	@Test
	void theKpiPageAndTheAcceptedObjectiveLinkToEachOther() {
		var id = proposal().orElseThrow().id();
		var kpiPage = mvc.get().uri("/kpis/{key}", kpi).with(user(editor)).exchange();
		assertThat(kpiPage).hasStatusOk().bodyText()
			.containsSubsequence("id=\"waiting-proposal\"", "href=\"/inbox?proposal=" + id + "#proposal-" + id + "\"")
			.contains("<li id=\"proposal-" + id + "\">");
		// the anchor it points to
		assertThat(mvc.get().uri("/inbox").with(user(editor))).hasStatusOk().bodyText()
			.contains("id=\"proposal-" + id + "\"");

		var accepted = api.post("/api/loop/proposals/%d/accept".formatted(id), "{\"cycle\":%d}".formatted(cycle)).exchange();
		assertThat(accepted).hasStatusOk();
		long objective = ((Number) JsonPath.read(ApiFixtures.body(accepted), "$.objectiveId")).longValue();
		assertThat(mvc.get().uri("/objectives/{id}", objective).with(user(editor))).hasStatusOk().bodyText()
			.containsSubsequence("id=\"origin\"", "Drafted from the loop&#39;s proposal for Checkout &lt;b&gt;success&lt;/b&gt;",
					"href=\"/kpis/" + kpi + "#proposal-" + id + "\"");
		assertThat(mvc.get().uri("/kpis/{key}", kpi).with(user(editor))).hasStatusOk().bodyText()
			.doesNotContain("id=\"waiting-proposal\"")
			.containsSubsequence("<li id=\"proposal-" + id + "\">", "Accepted by ",
					"href=\"/objectives/" + objective + "\"");
		// both links to the draft name it by its title, not by its number
		var title = org.springframework.web.util.HtmlUtils.htmlEscape(JsonPath.read(
				ApiFixtures.body(api.get("/api/objectives/" + objective).exchange()), "$.title"));
		assertThat(mvc.get().uri("/kpis/{key}", kpi).with(user(editor))).hasStatusOk().bodyText()
			.containsSubsequence("Improving:", "href=\"/objectives/" + objective + "\"", ">" + title + "</a> is moving it")
			.containsSubsequence("Accepted by ", "href=\"/objectives/" + objective + "\"", ">" + title + "</a>.")
			.doesNotContain("objective #" + objective);

		// an objective not drafted from a proposal has no such link
		var created = api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Own idea","level":"TEAM","commitment":"COMMITTED",
				 "state":"DRAFT"}""".formatted(cycle, team, editor)).exchange();
		long own = ((Number) JsonPath.read(ApiFixtures.body(created), "$.id")).longValue();
		assertThat(mvc.get().uri("/objectives/{id}", own).with(user(editor))).hasStatusOk().bodyText()
			.doesNotContain("id=\"origin\"");
	}

	@Test
	void dismissingWithoutAReasonIsRefusedAndNothingChanges() {
		var id = proposal().orElseThrow().id();
		var refused = mvc.post().uri("/inbox/proposals/{id}/dismiss", id).param("reason", " ").with(user(editor)).with(csrf())
			.exchange();
		assertThat(refused).hasStatus3xxRedirection();
		assertThat(refused).flash().containsKey("alert");
		assertThat(proposals.get(id).state()).isEqualTo(ProposalState.OPEN);

		assertThat(mvc.post().uri("/inbox/proposals/{id}/dismiss", id).param("reason", "seasonal dip").with(user(editor))
			.with(csrf())).flash().containsKey("notice");
		assertThat(proposals.get(id).dismissReason()).isEqualTo("seasonal dip");
	}

	/** The OKR pages ask the loop through ObjectiveAdvice: an objective's page shows its guardrail's alert and the coach. */
	@Test
	void anObjectivesPageShowsItsGuardrailAlertAndTheCoachsFindings() {
		var created = api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Grow checkout by 20%%","level":"TEAM","commitment":"COMMITTED",
				 "state":"DRAFT"}""".formatted(cycle, team, editor)).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		long objective = ((Number) JsonPath.read(ApiFixtures.body(created), "$.id")).longValue();
		assertThat(api.post("/api/objectives/%d/key-results".formatted(objective), """
				{"title":"Keep refunds below 2 %%","type":"METRIC","owner":"%s","baseline":3,"target":2}""".formatted(editor)))
			.hasStatus(HttpStatus.CREATED);
		assertThat(api.put("/api/objectives/%d/guardrails".formatted(objective), "[\"%s\"]".formatted(kpi))).hasStatusOk();
		assertThat(api.post("/api/objectives/%d/activate".formatted(objective), "")).hasStatusOk();
		await().atMost(Duration.ofSeconds(20)).until(() -> !alerts.list(true, objective, 10, 0).isEmpty());

		var page = mvc.get().uri("/objectives/{id}", objective).with(user(editor)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains(kpi + " turned red on ", "(worst: red)")
			// warnings first, then the rest
			.containsSubsequence("id=\"coach\"", "badge--amber", "Warning", "BUSINESS_AS_USUAL", "badge--info", "Info",
					"NUMERIC_OBJECTIVE");
	}

	@Test
	void aViewerSeesTheProposalButNoButtonsAndCannotDecide() {
		var viewer = TestUsers.person(organisation, Role.VIEWER, team);
		assertThat(mvc.get().uri("/inbox").with(user(viewer))).hasStatusOk().bodyText()
			.contains("An editor of this team decides.").doesNotContain("Accept as a draft OKR");
		var id = proposal().orElseThrow().id();
		assertThat(mvc.post().uri("/inbox/proposals/{id}/accept", id).with(user(viewer)).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(proposals.get(id).state()).isEqualTo(ProposalState.OPEN);
	}
}
