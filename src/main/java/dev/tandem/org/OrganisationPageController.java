package dev.tandem.org;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.problem.ConflictException;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/**
 * The administrator's pages for the organisation: the teams as a tree and the people with their
 * roles, each with a form to add one. The facade decides who may (administrators); a form that
 * breaks a rule comes back with its messages and a 422, and nothing is saved.
 */
@Controller
class OrganisationPageController {

	private final Organisation organisation;
	private final Permissions permissions;
	private final Validator validator;

	OrganisationPageController(Organisation organisation, Permissions permissions, Validator validator) {
		this.organisation = organisation;
		this.permissions = permissions;
		this.validator = validator;
	}

	/** The add-a-person form; teams is a multi-select, the password optional (single sign-on people have none). */
	record PersonForm(String username, String displayName, String email, Role role, List<String> teams,
			String password) {

		NewPerson person() {
			return new NewPerson(blankToNull(username), blankToNull(displayName), blankToNull(email), role,
					teams == null ? List.of() : teams, blankToNull(password));
		}
	}

	record TeamForm(String key, String name, String parentKey) {

		NewTeam team() {
			return new NewTeam(blankToNull(key), blankToNull(name), blankToNull(parentKey));
		}
	}

	@GetMapping("/admin/people")
	String people(Model model) {
		permissions.requireAdmin();
		return peoplePage(model, new PersonForm(null, null, null, Role.MEMBER, List.of(), null));
	}

	@PostMapping("/admin/people")
	String addPerson(@ModelAttribute("person") PersonForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		permissions.requireAdmin();
		if (!binding.hasErrors()) {
			try {
				var created = organisation.createPerson(valid(form.person(), binding));
				redirect.addFlashAttribute("notice", "Added " + created.displayName() + " (" + created.username() + ").");
				return "redirect:/admin/people";
			}
			catch (InvalidForm invalid) {
				// the binding result says what to fix
			}
			catch (ConflictException taken) {
				binding.rejectValue("username", "taken", "is taken: choose another username");
			}
		}
		response.setStatus(422);
		return peoplePage(model, form);
	}

	@GetMapping("/admin/teams")
	String teams(Model model) {
		permissions.requireAdmin();
		return teamsPage(model, new TeamForm(null, null, null));
	}

	@PostMapping("/admin/teams")
	String addTeam(@ModelAttribute("team") TeamForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		permissions.requireAdmin();
		if (!binding.hasErrors()) {
			try {
				var created = organisation.createTeam(valid(form.team(), binding));
				redirect.addFlashAttribute("notice", "Added the team " + created.name() + ".");
				return "redirect:/admin/teams";
			}
			catch (InvalidForm invalid) {
				// the binding result says what to fix
			}
			catch (ConflictException taken) {
				binding.rejectValue("key", "taken", "is taken: choose another key");
			}
			catch (NotFoundException | InvalidInputException noParent) {
				binding.rejectValue("parentKey", "missing", "is not a team: pick one from the list");
			}
		}
		response.setStatus(422);
		return teamsPage(model, form);
	}

	private String peoplePage(Model model, PersonForm form) {
		model.addAttribute("people", organisation.people().stream()
			.sorted(Comparator.comparing(PersonView::displayName, String.CASE_INSENSITIVE_ORDER)).toList());
		model.addAttribute("teams", sortedTeams());
		model.addAttribute("roles", Role.values());
		model.addAttribute("person", form);
		return "org/people";
	}

	private String teamsPage(Model model, TeamForm form) {
		model.addAttribute("teams", sortedTeams());
		model.addAttribute("team", form);
		return "org/teams";
	}

	private List<TeamView> sortedTeams() {
		return organisation.teams().stream().sorted(Comparator.comparing(TeamView::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** Bean Validation on the request record, its messages put on the form's fields. */
	private <T> T valid(T request, BindingResult binding) {
		var problems = new ArrayList<ConstraintViolation<T>>(validator.validate(request));
		problems.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
		for (var problem : problems) {
			var field = problem.getPropertyPath().toString().replaceAll("\\[.*", "");
			binding.rejectValue(field, "invalid", problem.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new InvalidForm();
		}
		return request;
	}

	private static final class InvalidForm extends RuntimeException {
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
