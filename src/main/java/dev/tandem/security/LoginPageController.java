package dev.tandem.security;

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
	String login(Authentication authentication, @RequestParam(required = false) String error,
			@RequestParam(required = false) Integer locked, @RequestParam(required = false) String logout,
			@RequestParam(name = "sso-failed", required = false) String ssoFailed, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		model.addAttribute("failed", error != null);
		model.addAttribute("lockedMinutes", locked == null ? null : Math.max(1, Math.min(locked, 24 * 60)));
		model.addAttribute("signedOut", logout != null);
		model.addAttribute("singleSignOnFailed", ssoFailed != null);
		model.addAttribute("singleSignOn", singleSignOn.enabled() ? singleSignOn.displayName() : null);
		model.addAttribute("singleSignOnPath", "/oauth2/authorization/" + SingleSignOnProperties.REGISTRATION_ID);
		return "login";
	}
}
