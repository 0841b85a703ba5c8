package dev.tandem.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.tandem.org.Organisation;

/** The first page after signing in: the organisation at a glance. */
@Controller
class HomePageController {

	private final Organisation organisation;

	HomePageController(Organisation organisation) {
		this.organisation = organisation;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("teams", TeamTree.of(organisation.teams()));
		model.addAttribute("people", organisation.personIndex().size());
		return "home";
	}
}
