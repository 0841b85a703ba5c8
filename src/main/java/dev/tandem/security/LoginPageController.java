package dev.tandem.security;

import java.util.Map;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; the form posts to Spring Security's own /login handler. */
@Controller
class LoginPageController {

	private final SingleSignOnProperties singleSignOn;

	LoginPageController(SingleSignOnProperties singleSignOn) {
		this.singleSignOn = singleSignOn;
	}

	@GetMapping("/login")
	String login(Authentication authentication, @RequestParam(required = false) Integer locked,
			@RequestParam Map<String, String> params, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		// "?error" carries no value: its presence is the message
		model.addAttribute("failed", params.containsKey("error"));
		model.addAttribute("lockedMinutes", locked == null ? null : Math.max(1, Math.min(locked, 24 * 60)));
		model.addAttribute("signedOut", params.containsKey("logout"));
		model.addAttribute("singleSignOnFailed", params.containsKey("sso-failed"));
		model.addAttribute("singleSignOn", singleSignOn.enabled() ? singleSignOn.displayName() : null);
		model.addAttribute("singleSignOnPath", "/oauth2/authorization/" + SingleSignOnProperties.REGISTRATION_ID);
		return "security/login";
	}
}
