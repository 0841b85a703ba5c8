package dev.tandem.okr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.tandem.org.Organisation;

/**
 * An objective's fields as its history compares them before and after a change: text as people
 * read it (a team by its key, lists sorted and joined), so that a history row says what changed.
 */
@Component
class ObjectiveFields {

	private final Organisation organisation;

	ObjectiveFields(Organisation organisation) {
		this.organisation = organisation;
	}

	Map<String, String> of(Objective o) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("title", o.title());
		fields.put("description", o.description());
		fields.put("team", organisation.findTeam(o.teamId()).map(t -> t.key()).orElse(String.valueOf(o.teamId())));
		fields.put("owner", o.owner());
		fields.put("level", o.level().name());
		fields.put("commitment", o.commitment().name());
		fields.put("state", o.state().name());
		fields.put("parentId", OkrHistory.text(o.parentId()));
		fields.put("contributesTo", o.contributions().stream().map(c -> c.contributesToId()).sorted()
			.map(String::valueOf).collect(Collectors.joining(", ")));
		fields.put("guardrails", o.guardrails().stream().map(Objective.Guardrail::kpiKey).sorted()
			.collect(Collectors.joining(", ")));
		fields.put("retrospective", o.retrospective());
		return fields;
	}
}
