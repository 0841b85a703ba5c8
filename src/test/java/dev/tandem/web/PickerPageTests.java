package dev.tandem.web;

import static dev.tandem.ApiFixtures.body;
import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.org.NewPerson;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

/**
 * The search-as-you-type pickers of KPIs, people and objectives (fragments/picker.html): what they match,
 * how many, that typed text is taken literally and shown escaped; and that the pages that
 * pick a KPI no longer list every KPI.
 */
@TandemTest
class PickerPageTests {

	/** More KPIs than any picker shows, few enough to seed in a test. */
	static final int SEEDED = 300;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	JdbcClient jdbc;

	ApiFixtures api;

	String team;

	String editor;

	String prefix;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		editor = teamAndOwner[1];
		prefix = unique("pick").replace("-", "");
	}

	@Test
	void theKpiPickerMatchesKeysAndNamesAnywhereStartsFirstAndShowsAtMostTwenty() {
		kpi(prefix + "-zeta", "Zeta latency " + prefix);
		kpi("x" + prefix + "-inner", "Alpha inner");
		kpi(prefix + "-alpha", "Alpha " + prefix);
		seed(prefix + "-bulk", "Bulk " + prefix, 30);

		var byKey = options("/pickers/kpis", prefix + "-ze");
		assertThat(byKey).containsExactly(prefix + "-zeta");
		var byName = options("/pickers/kpis", "ZETA LAT");
		assertThat(byName).contains(prefix + "-zeta");

		var all = options("/pickers/kpis", prefix);
		assertThat(all).hasSize(20);
		// keys or names starting with the text come before those containing it, each by name
		assertThat(all.subList(0, 2)).containsExactly(prefix + "-alpha", prefix + "-bulk-0");
		assertThat(all).doesNotContain("x" + prefix + "-inner");
		assertThat(options("/pickers/kpis", "x" + prefix)).containsExactly("x" + prefix + "-inner");
		assertThat(options("/pickers/kpis", prefix.substring(2) + "-inner")).containsExactly("x" + prefix + "-inner");
	}

	@Test
	void theKpiPickerTakesTextLiterallyAndEscapesWhatItShows() {
		kpi(prefix + "-pct", "Share 100% <b>" + prefix + "</b>");
		kpi(prefix + "-plain", "Share 1000 " + prefix);
		assertThat(options("/pickers/kpis", "100% <b>" + prefix)).containsExactly(prefix + "-pct");
		assertThat(options("/pickers/kpis", "share 1_0")).isEmpty();
		assertThat(options("/pickers/kpis", prefix + "%")).isEmpty();
		var html = body(mvc.get().uri("/pickers/kpis").param("q", prefix + "-pct").with(user(editor)).exchange());
		assertThat(html).contains("Share 100% &lt;b&gt;" + prefix).doesNotContain("<b>" + prefix);
		assertThat(body(mvc.get().uri("/pickers/kpis").param("q", "no such kpi " + prefix).with(user(editor)).exchange()))
			.contains("No match").doesNotContain("role=\"option\"");
		assertThat(options("/pickers/kpis", "   ")).isEmpty();
	}

	@Test
	void thePersonPickerMatchesActivePeopleByUsernameOrName() {
		var ada = prefix + "ada";
		organisation.createPerson(new NewPerson(ada, "Ada " + prefix + " Lovelace", null, Role.EDITOR, java.util.List.of(team),
				TestUsers.PASSWORD));
		var gone = prefix + "gone";
		organisation.createPerson(new NewPerson(gone, "Gone " + prefix, null, Role.EDITOR, java.util.List.of(team),
				TestUsers.PASSWORD));
		jdbc.sql("update person set active = false where username = ?").param(gone).update();
		for (int i = 0; i < 25; i++) {
			organisation.createPerson(new NewPerson(prefix + "many" + i, "Many " + prefix, null, Role.VIEWER,
					java.util.List.of(), null));
		}
		assertThat(options("/pickers/people", prefix + "ad")).containsExactly(ada);
		assertThat(options("/pickers/people", "LOVELACE")).contains(ada);
		assertThat(options("/pickers/people", "gone " + prefix)).isEmpty();
		assertThat(options("/pickers/people", prefix)).hasSize(20).first().isEqualTo(ada);
	}

	@Test
	void thePickersAreForSignedInPeopleOnly() {
		assertThat(mvc.get().uri("/pickers/kpis").param("q", "a")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/pickers/people").param("q", "a")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/pickers/objectives").param("q", "a")).hasStatus3xxRedirection();
	}

	@Test
	void theObjectivePickerMatchesTitlesAnywhereStartsFirstAndShowsAtMostTwenty() {
		var today = LocalDate.now(ZoneOffset.UTC);
		long cycle = cycle(today.minusDays(30), today.plusDays(60));
		long zeta = objective(cycle, "Zeta loyalty " + prefix);
		long inner = objective(cycle, "Alpha inner x" + prefix);
		long alpha = objective(cycle, prefix + " alpha");
		seedObjectives(cycle, prefix + " bulk", 30);

		assertThat(options("/pickers/objectives", "ZETA LOY")).containsExactly(String.valueOf(zeta));
		var all = options("/pickers/objectives", prefix);
		assertThat(all).hasSize(20);
		// titles starting with the text come before those containing it, each by title
		assertThat(all.subList(0, 2)).containsExactly(String.valueOf(alpha), String.valueOf(seeded(prefix + " bulk 000")));
		assertThat(all).doesNotContain(String.valueOf(inner), String.valueOf(zeta));
		assertThat(options("/pickers/objectives", "inner x" + prefix)).containsExactly(String.valueOf(inner));

		// each match names the title, the team, the level and the cycle, and carries the id
		var html = body(mvc.get().uri("/pickers/objectives").param("q", "zeta loyalty " + prefix).with(user(editor)).exchange());
		assertThat(html).contains("data-value=\"" + zeta + "\"", "Zeta loyalty " + prefix + " (", organisation.team(team).name(),
				", team, ");
		// the objective being edited is left out
		assertThat(body(mvc.get().uri("/pickers/objectives").param("q", "zeta loyalty " + prefix)
			.param("except", String.valueOf(zeta)).with(user(editor)).exchange()))
			.doesNotContain("data-value=\"" + zeta + "\"").contains("No match");
	}

	@Test
	void theObjectivePickerWithACycleOffersOnlyWhatAnObjectiveOfItMayAlignTo() {
		var today = LocalDate.now(ZoneOffset.UTC);
		long quarter = cycle(today.minusDays(30), today.plusDays(60));
		long year = cycle(today.minusDays(100), today.plusDays(265));
		long later = cycle(today.plusDays(400), today.plusDays(490));
		long inQuarter = objective(quarter, prefix + " in quarter");
		long inYear = objective(year, prefix + " in year");
		long inLater = objective(later, prefix + " in later");

		assertThat(options("/pickers/objectives", prefix, "cycle", quarter))
			.containsExactlyInAnyOrder(String.valueOf(inQuarter), String.valueOf(inYear));
		// the quarter does not enclose the year, and the later cycle encloses neither
		assertThat(options("/pickers/objectives", prefix, "cycle", year)).containsExactly(String.valueOf(inYear));
		assertThat(options("/pickers/objectives", prefix, "cycle", later)).containsExactly(String.valueOf(inLater));
		assertThat(options("/pickers/objectives", prefix))
			.containsExactlyInAnyOrder(String.valueOf(inQuarter), String.valueOf(inYear), String.valueOf(inLater));
	}

	@Test
	void theObjectivePickerTakesTextLiterallyCutsItAndEscapesWhatItShows() {
		var today = LocalDate.now(ZoneOffset.UTC);
		long cycle = cycle(today.minusDays(30), today.plusDays(60));
		long pct = objective(cycle, "Share 100% <b>" + prefix + "</b>");
		objective(cycle, "Share 1000 " + prefix);
		assertThat(options("/pickers/objectives", "100% <b>" + prefix)).containsExactly(String.valueOf(pct));
		assertThat(options("/pickers/objectives", "share 1_0")).isEmpty();
		assertThat(options("/pickers/objectives", prefix + "%")).isEmpty();
		assertThat(options("/pickers/objectives", "   ")).isEmpty();
		var html = body(mvc.get().uri("/pickers/objectives").param("q", "share 100% <b>" + prefix).with(user(editor)).exchange());
		assertThat(html).contains("Share 100% &lt;b&gt;" + prefix).doesNotContain("<b>" + prefix);

		// a title of the longest length still matches when more is typed after it: the query is cut at 200
		var longest = (prefix + " " + "long".repeat(60)).substring(0, 200);
		long tall = objective(cycle, longest);
		assertThat(options("/pickers/objectives", longest + " and more")).containsExactly(String.valueOf(tall));
	}

	@Test
	void theObjectivePageAndTheKeyResultFormPickKpisInsteadOfListingThemAll() {
		seed(prefix + "-many", "Many " + prefix, SEEDED);
		var today = LocalDate.now(ZoneOffset.UTC);
		long cycle = id(api.post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(unique("cycle"), today.minusDays(30), today.plusDays(60))));
		long objective = id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Guarded","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, team, editor)));
		assertThat(api.put("/api/objectives/" + objective + "/guardrails", "[\"%s-many-7\"]".formatted(prefix)))
			.hasStatusOk();

		var page = body(mvc.get().uri("/objectives/" + objective).with(user(editor)).exchange());
		assertThat(page).contains("Set guardrails", "data-picker-input", "hx-get=\"/pickers/kpis\"");
		// the one guarding KPI is there (a ticked box and the guardrail list), none of the other 299
		assertThat(count(page, prefix + "-many-")).isBetween(1, 9);
		assertThat(page).contains("value=\"" + prefix + "-many-7\" checked");

		var form = body(mvc.get().uri("/objectives/" + objective + "/key-results/new").with(user(editor)).exchange());
		assertThat(form).contains("hx-get=\"/pickers/kpis\"", "hx-get=\"/pickers/people\"");
		assertThat(count(form, prefix + "-many-")).isZero();
	}

	private java.util.List<String> options(String picker, String text, Object... params) {
		var request = mvc.get().uri(picker).param("q", text).with(user(editor));
		for (int i = 0; i < params.length; i += 2) {
			request = request.param((String) params[i], String.valueOf(params[i + 1]));
		}
		var result = request.exchange();
		assertThat(result).hasStatusOk();
		var values = new ArrayList<String>();
		var matcher = Pattern.compile("data-value=\"([^\"]*)\"").matcher(body(result));
		while (matcher.find()) {
			values.add(matcher.group(1));
		}
		return values;
	}

	private void kpi(String key, String name) {
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"%s","team":"%s","owner":"%s","unit":"COUNT","source":"API","frequency":"WEEKLY",
				 "aggregation":"SUM","indicator":"LAGGING","shape":"THRESHOLD","direction":"HIGHER_IS_BETTER",
				 "target":10,"warning":5}""".formatted(key, name.replace("\"", "\\\""), team, editor)))
			.hasStatus(HttpStatus.CREATED);
	}

	/** Many KPIs at once, straight into the table: the pickers read only it. */
	private void seed(String keyPrefix, String namePrefix, int count) {
		long teamId = organisation.team(team).id();
		var now = Instant.now().atOffset(ZoneOffset.UTC);
		for (int i = 0; i < count; i++) {
			jdbc.sql("""
					insert into kpi (slug, name, team_id, unit, source, frequency, aggregation, indicator, shape, direction,
					  target, warning, created_at, updated_at)
					values (?, ?, ?, 'COUNT', 'API', 'WEEKLY', 'SUM', 'LAGGING', 'THRESHOLD', 'HIGHER_IS_BETTER', 10, 5, ?, ?)""")
				.params(keyPrefix + "-" + i, namePrefix + " " + String.format("%03d", i), teamId, now, now)
				.update();
		}
		// as the application keeps it: every KPI has its state
		jdbc.sql("insert into kpi_state (kpi_id, status, updated_at) select id, 'NO_DATA', ? from kpi where slug like ?"
				+ " and id not in (select kpi_id from kpi_state)")
			.params(now, keyPrefix + "-%")
			.update();
	}

	private long cycle(LocalDate start, LocalDate end) {
		return id(api.post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(unique("cycle"), start, end)));
	}

	private long objective(long cycle, String title) {
		return id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"%s","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, team, editor, title.replace("\"", "\\\""))));
	}

	/** Many objectives at once, straight into the table: the picker reads only it (and the cycles). */
	private void seedObjectives(long cycle, String titlePrefix, int count) {
		long teamId = organisation.team(team).id();
		long ownerId = organisation.person(editor).id();
		var now = Instant.now().atOffset(ZoneOffset.UTC);
		for (int i = 0; i < count; i++) {
			jdbc.sql("""
					insert into objective (cycle_id, team_id, owner_id, owner_name, title, objective_level, commitment, state,
					  created_at, updated_at)
					values (?, ?, ?, ?, ?, 'TEAM', 'COMMITTED', 'ACTIVE', ?, ?)""")
				.params(cycle, teamId, ownerId, editor, titlePrefix + " " + String.format("%03d", i), now, now)
				.update();
		}
	}

	private long seeded(String title) {
		return jdbc.sql("select id from objective where title = ?").param(title).query(Long.class).single();
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			n++;
		}
		return n;
	}

	private static long id(MockMvcTester.MockMvcRequestBuilder request) {
		var result = request.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}
}
