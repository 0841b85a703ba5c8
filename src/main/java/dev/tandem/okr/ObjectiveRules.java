package dev.tandem.okr;

import java.util.ArrayList;

import org.springframework.stereotype.Component;

import dev.tandem.org.Organisation;
import dev.tandem.org.PersonView;
import dev.tandem.org.TeamView;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;

/**
 * Checks an objective as POST or PUT sent it: the cycle, team and owner it names must exist
 * (else 400 naming the field, as for any bad input), and its alignment must follow the rules
 * of {@link Alignment}. Nothing is written before every check has passed.
 */
@Component
class ObjectiveRules {

	private final Organisation organisation;
	private final CycleRepository cycles;
	private final Alignment alignment;

	ObjectiveRules(Organisation organisation, CycleRepository cycles, Alignment alignment) {
		this.organisation = organisation;
		this.cycles = cycles;
		this.alignment = alignment;
	}

	record Resolved(Cycle cycle, TeamView team, PersonView owner) {
	}

	Resolved resolve(ObjectiveInput input) {
		var problems = new ArrayList<FieldProblem>();
		var cycle = cycles.findById(input.cycle());
		if (cycle.isEmpty()) {
			problems.add(new FieldProblem("cycle", "no cycle " + input.cycle() + " exists"));
		}
		var team = organisation.findTeam(input.team());
		if (team.isEmpty()) {
			problems.add(new FieldProblem("team", "no team " + Quoted.of(input.team()) + " exists"));
		}
		var owner = owner(input.owner(), "owner", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Resolved(cycle.get(), team.get(), owner);
	}

	/** A person who exists and may still sign in; null (with a problem added) otherwise. */
	PersonView owner(String username, String field, java.util.List<FieldProblem> problems) {
		var owner = organisation.findPerson(username);
		if (owner.isEmpty()) {
			problems.add(new FieldProblem(field, "no person " + Quoted.of(username) + " exists"));
			return null;
		}
		if (!owner.get().active()) {
			problems.add(new FieldProblem(field, Quoted.named(username, owner.get().displayName())
					+ " is deactivated and cannot own anything"));
			return null;
		}
		return owner.get();
	}

	void check(ObjectiveInput input, Objective existing, Resolved resolved) {
		var problems = new ArrayList<FieldProblem>();
		if (existing != null && !existing.cycleId().equals(input.cycle())) {
			problems.add(new FieldProblem("cycle", "an objective stays in its cycle; carry it over into another instead"));
		}
		if (existing != null && existing.active() && input.state() == ObjectiveState.DRAFT) {
			problems.add(new FieldProblem("state", "an active objective cannot go back to draft"));
		}
		if (problems.isEmpty()) {
			problems.addAll(alignment.problems(existing == null ? null : existing.id(), resolved.cycle(),
					resolved.team().id(), input.level(), input.parentId(), input.contributions()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}
}
