package dev.tandem.okr;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An objective as POST and PUT take it. {@code cycle} is the cycle's id, {@code team} a team
 * key, {@code owner} a username. {@code state} defaults to ACTIVE; a DRAFT is activated later.
 * {@code version} (or an If-Match header) guards a PUT against overwriting someone else's edit.
 */
public record ObjectiveInput(@NotNull Long cycle, @NotBlank String team, @NotBlank String owner,
		@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description, @NotNull ObjectiveLevel level,
		Long parentId, @Size(max = 20) List<@NotNull Long> contributesTo, @NotNull Commitment commitment,
		ObjectiveState state, Long version) {

	List<Long> contributions() {
		return contributesTo == null ? List.of() : contributesTo;
	}

	ObjectiveState stateOrDefault() {
		return state == null ? ObjectiveState.ACTIVE : state;
	}
}
