package dev.tandem.okr.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.okr.ObjectiveName;
import dev.tandem.okr.Objectives;
import dev.tandem.org.Pickers;

/**
 * The objective picker's matches (fragments/picker.html): at most 20 objectives whose title
 * contains what was typed, each named with its team, level and cycle and carrying its id. With
 * {@code cycle}, only those an objective of that cycle may align to (its own cycle's and
 * enclosing cycles'); {@code except} leaves out the objective being edited. For any signed-in
 * person, as objective pages are. A fragment for htmx.
 */
@Controller
class ObjectivePickerPageController {

	private final Objectives objectives;

	ObjectivePickerPageController(Objectives objectives) {
		this.objectives = objectives;
	}

	@GetMapping("/pickers/objectives")
	String matches(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long cycle,
			@RequestParam(required = false) Long except, Model model) {
		return Pickers.options(q, text -> objectives.search(text, cycle, except, Pickers.MATCHES).stream()
			.map(o -> new Pickers.Option(String.valueOf(o.id()), named(o)))
			.toList(), model);
	}

	/** How the form names an objective: its title, team, level and cycle. */
	static String named(ObjectiveName o) {
		return o.title() + " (" + (o.teamName() == null ? "no team" : o.teamName()) + ", "
				+ o.level().name().toLowerCase(Locale.ROOT) + ", " + o.cycleName() + ")";
	}
}
