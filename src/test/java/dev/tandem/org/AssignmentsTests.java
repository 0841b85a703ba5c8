package dev.tandem.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class AssignmentsTests {

	@Test
	void editableTeamsAsksThePolicyOnceForAllTeamsNotOncePerTeam() {
		var organisation = mock(Organisation.class);
		var permissions = mock(Permissions.class);
		given(organisation.teams()).willReturn(LongStream.rangeClosed(1, 1_000)
			.mapToObj(id -> new TeamView(id, "team-" + id, id == 7 ? "alpha" : "Team " + id, null))
			.toList());
		given(permissions.editableTeams()).willReturn(team -> team == 7 || team == 500);

		var editable = new Assignments(organisation, permissions).editableTeams();

		assertThat(editable).extracting(TeamView::name).isEqualTo(List.of("alpha", "Team 500"));
		then(permissions).should(times(1)).editableTeams();
		then(permissions).should(never()).mayEdit(anyLong());
	}
}
