package dev.tandem.okr.web;

import static dev.tandem.ApiFixtures.body;
import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import dev.tandem.okr.KeyResults;
import dev.tandem.okr.Objectives;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;
import dev.tandem.problem.NotFoundException;

/**
 * Deleting an objective or a key result from the pages: a confirmation step that says what goes
 * with it, then the same facade as the API's DELETE — its refusals (a closed cycle, objectives
 * aligned to this one) reported on the objective's page with nothing deleted, its permission
 * (the team's editors), and its audit trail.
 */
@TandemTest
class OkrDeletionPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	Objectives objectives;

	@Autowired
	KeyResults keyResults;

	ApiFixtures api;

	String team;

	String editor;

	long cycle;

	long objective;

	long keyResult;

	long milestone;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		editor = teamAndOwner[1];
		var today = LocalDate.now(ZoneOffset.UTC);
		cycle = id(api.post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(unique("cycle"), today.minusDays(30), today.plusDays(60))));
		objective = id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Customers love us","level":"TEAM","commitment":"COMMITTED"}"""
			.formatted(cycle, team, editor)));
		keyResult = id(api.post("/api/objectives/" + objective + "/key-results", """
				{"title":"Raise first-contact resolution from 40 to 60","type":"METRIC","owner":"%s","baseline":40,"target":60}"""
			.formatted(editor)));
		milestone = id(api.post("/api/objectives/" + objective + "/key-results", """
				{"title":"Root causes written up","type":"MILESTONE","owner":"%s"}""".formatted(editor)));
		assertThat(api.post("/api/key-results/" + keyResult + "/check-ins", "{\"value\":45,\"confidence\":6}"))
			.hasStatus(HttpStatus.CREATED);
	}

	@Test
	void aKeyResultIsDeletedAfterItsConfirmationAndTheObjectiveSaysSo() {
		assertThat(body(mvc.get().uri("/key-results/" + keyResult + "/edit").with(user(editor)).exchange()))
			.contains("href=\"/key-results/" + keyResult + "/delete\"", "Delete key result…");
		var confirm = mvc.get().uri("/key-results/" + keyResult + "/delete").with(user(editor)).exchange();
		assertThat(confirm).hasStatusOk().hasViewName("okr/confirm");
		assertThat(body(confirm)).contains("Delete “Raise first-contact resolution from 40 to 60”?",
				"Deleted with it: its 1 check-in.", "action=\"/key-results/" + keyResult + "/delete\"", "button--danger",
				"href=\"/objectives/" + objective + "#key-results\"");
		assertThat(objectives.get(objective).keyResults()).as("asking deletes nothing").hasSize(2);

		var deleted = mvc.post().uri("/key-results/" + keyResult + "/delete").with(user(editor)).with(csrf()).exchange();
		assertThat(deleted).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/objectives/" + objective + "#key-results");
		assertThat(deleted).flash().containsEntry("notice", "Key result “Raise first-contact resolution from 40 to 60” deleted.");
		assertThat(objectives.get(objective).keyResults()).extracting(k -> k.id()).containsExactly(milestone);
		assertThatThrownBy(() -> keyResults.get(keyResult)).isInstanceOf(NotFoundException.class);
		assertThat(api.get("/api/audit?type=key-result.deleted&actor=" + editor + "&limit=1000")).bodyJson()
			.extractingPath("$[?(@.subject=='" + keyResult + "')].before.title").asArray()
			.containsExactly("Raise first-contact resolution from 40 to 60");
	}

	@Test
	void anObjectiveIsDeletedWithItsKeyResultsAfterItsConfirmation() {
		assertThat(body(mvc.get().uri("/objectives/" + objective + "/edit").with(user(editor)).exchange()))
			.contains("href=\"/objectives/" + objective + "/delete\"", "Delete objective…");
		var confirm = mvc.get().uri("/objectives/" + objective + "/delete").with(user(editor)).exchange();
		assertThat(confirm).hasStatusOk().hasViewName("okr/confirm");
		assertThat(body(confirm)).contains("Delete “Customers love us”?", "Deleted with it: its 2 key results and their 1 check-in.",
				"cannot be undone", "action=\"/objectives/" + objective + "/delete\"", "href=\"/objectives/" + objective + "\"");

		var deleted = mvc.post().uri("/objectives/" + objective + "/delete").with(user(editor)).with(csrf()).exchange();
		assertThat(deleted).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/okrs?cycle=" + cycle);
		assertThat(deleted).flash().containsEntry("notice", "Objective “Customers love us” deleted, with its 2 key results.");
		assertThatThrownBy(() -> objectives.get(objective)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> keyResults.get(milestone)).isInstanceOf(NotFoundException.class);
		assertThat(mvc.get().uri("/objectives/" + objective + "/delete").with(user(editor))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/audit?type=objective.deleted&actor=" + editor + "&limit=1000")).bodyJson()
			.extractingPath("$[?(@.subject=='" + objective + "')].summary").asArray()
			.containsExactly("Deleted objective 'Customers love us'");
	}

	@Test
	void anObjectiveOthersAlignToStaysAndThePageSaysWhy() {
		var child = id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Know every repeat complaint","level":"INDIVIDUAL",
				 "commitment":"COMMITTED","parentId":%d}""".formatted(cycle, team, editor, objective)));
		// the confirmation says so before anyone presses a button, and offers none
		var confirmation = mvc.get().uri("/objectives/" + objective + "/delete").with(user(editor)).exchange();
		assertThat(confirmation).hasStatusOk().bodyText()
			.contains("The objective &#39;Know every repeat complaint&#39; aligns to, contributes to or was carried over "
					+ "from this one; change it first.")
			.doesNotContain("#" + child, ">Delete objective</button>");
		// and should the objective gain one after the page was shown, the deletion is still refused
		var refused = mvc.post().uri("/objectives/" + objective + "/delete").with(user(editor)).with(csrf()).exchange();
		assertThat(refused).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/objectives/" + objective);
		assertThat(refused).flash().extractingByKey("alert").asString()
			.isEqualTo("Nothing was deleted: The objective 'Know every repeat complaint' aligns to, contributes to or "
					+ "was carried over from 'Customers love us'; change it first.");
		assertThat(objectives.get(objective).keyResults()).hasSize(2);
	}

	@Test
	void nothingIsDeletedOnceTheCycleIsClosed() {
		assertThat(api.post("/api/cycles/" + cycle + "/close", "")).hasStatusOk();
		for (var page : new String[] { "/objectives/" + objective + "/delete", "/key-results/" + keyResult + "/delete" }) {
			var confirm = mvc.get().uri(page).with(user(editor)).exchange();
			assertThat(confirm).as(page).hasStatusOk();
			assertThat(body(confirm)).as(page).contains("is closed: its objectives and key results are graded")
				.doesNotContain("button--danger");
			var refused = mvc.post().uri(page).with(user(editor)).with(csrf()).exchange();
			assertThat(refused).as(page).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/objectives/" + objective);
			assertThat(refused).flash().extractingByKey("alert").asString().contains("was closed at");
		}
		assertThat(objectives.get(objective).keyResults()).hasSize(2);
	}

	@Test
	void onlyTheTeamsEditorsDelete() {
		var member = TestUsers.person(organisation, Role.MEMBER, team);
		var viewer = TestUsers.person(organisation, Role.VIEWER, team);
		var otherEditor = TestUsers.person(organisation, Role.EDITOR, TestUsers.team(organisation));
		for (var username : new String[] { member, viewer, otherEditor }) {
			for (var page : new String[] { "/objectives/" + objective + "/delete", "/key-results/" + keyResult + "/delete" }) {
				assertThat(mvc.get().uri(page).with(user(username))).as(page + " as " + username).hasStatus(HttpStatus.FORBIDDEN);
				assertThat(mvc.post().uri(page).with(user(username)).with(csrf())).as(page + " as " + username)
					.hasStatus(HttpStatus.FORBIDDEN);
			}
		}
		assertThat(objectives.get(objective).keyResults()).hasSize(2);
		assertThat(body(mvc.get().uri("/objectives/" + objective).with(user(viewer)).exchange()))
			.doesNotContain("/delete");
	}

	private static long id(MockMvcTester.MockMvcRequestBuilder request) {
		var result = request.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}
}
