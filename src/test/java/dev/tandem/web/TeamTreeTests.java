package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.org.TeamView;

class TeamTreeTests {

	@Test
	void teamsHangUnderTheirParentsSortedByName() {
		var tree = TeamTree.of(List.of(team(3, "support", "Support", "acme"), team(1, "acme", "Acme", null),
				team(4, "registration", "Registration", "care"), team(2, "care", "Care", "acme"),
				team(5, "beta", "Beta Corp", null)));

		assertThat(tree.size()).isEqualTo(5);
		assertThat(names(tree.roots())).containsExactly("Acme", "Beta Corp");
		var acme = tree.roots().get(0);
		assertThat(names(acme.children())).containsExactly("Care", "Support");
		assertThat(names(acme.children().get(0).children())).containsExactly("Registration");
		assertThat(tree.roots().get(1).children()).isEmpty();
	}

	@Test
	void aTeamWhoseParentIsNotListedIsStillShownAsARoot() {
		var tree = TeamTree.of(List.of(team(7, "orphan", "Orphan", "gone")));

		assertThat(names(tree.roots())).containsExactly("Orphan");
	}

	@Test
	void noTeamsMakeAnEmptyTree() {
		var tree = TeamTree.of(List.of());

		assertThat(tree.isEmpty()).isTrue();
		assertThat(tree.roots()).isEmpty();
	}

	private static TeamView team(long id, String key, String name, String parentKey) {
		return new TeamView(id, key, name, parentKey);
	}

	private static List<String> names(List<TeamTree.Node> nodes) {
		return nodes.stream().map(node -> node.team().name()).toList();
	}
}
