package dev.tandem.org;

import java.util.List;

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

	static final int MATCHES = 20;

	static final int LONGEST_QUERY = 200;

	private final Assignments assignments;

	PersonPickerPageController(Assignments assignments) {
		this.assignments = assignments;
	}

	record Option(String value, String text) {
	}

	@GetMapping("/pickers/people")
	String matches(@RequestParam(defaultValue = "") String q, Model model) {
		var text = q.length() > LONGEST_QUERY ? q.substring(0, LONGEST_QUERY) : q;
		model.addAttribute("options", text.isBlank() ? List.of()
				: assignments.owners(text, MATCHES).stream()
					.map(person -> new Option(person.username(), person.displayName()))
					.toList());
		return "fragments/picker :: options";
	}
}
