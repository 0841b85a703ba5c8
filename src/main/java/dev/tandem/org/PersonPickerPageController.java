package dev.tandem.org;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner picker's matches (fragments/picker.html): at most 20 active people whose username
 * or name contains what was typed, for any signed-in person, as the forms that pick owners
 * show them. A fragment for htmx.
 */
@Controller
class PersonPickerPageController {

	private final Assignments assignments;

	PersonPickerPageController(Assignments assignments) {
		this.assignments = assignments;
	}

	@GetMapping("/pickers/people")
	String matches(@RequestParam(defaultValue = "") String q, Model model) {
		return Pickers.options(q, text -> assignments.owners(text, Pickers.MATCHES).stream()
			.map(person -> new Pickers.Option(person.username(), person.displayName()))
			.toList(), model);
	}
}
