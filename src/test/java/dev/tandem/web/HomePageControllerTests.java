package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.org.Organisation;
import dev.tandem.org.TeamView;

@WebMvcTest(HomePageController.class)
@WithMockUser
class HomePageControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Organisation organisation;

	@Test
	void rendersTheTeamsAsANestedTreeInTheLayout() {
		given(organisation.teams()).willReturn(List.of(new TeamView(1, "acme", "Acme Health", null),
				new TeamView(2, "support", "Customer support", "acme")));
		given(organisation.personIndex()).willReturn(Map.of());

		assertThat(mvc.get().uri("/")).hasStatusOk()
			.hasViewName("home")
			.bodyText()
			.contains("<title>Home · Tandem</title>", "aria-current=\"page\"", "2 teams")
			.containsSubsequence("class=\"tree\"", "Acme Health", "<ul>", "Customer support")
			.doesNotContain("No teams yet");
	}

	@Test
	void saysWhereTheTeamsWillBeWhenThereAreNone() {
		given(organisation.teams()).willReturn(List.of());
		given(organisation.personIndex()).willReturn(Map.of());

		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("No teams yet", "Every KPI and OKR in Tandem belongs to a team")
			.doesNotContain("class=\"tree\"");
	}
}
