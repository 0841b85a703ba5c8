package dev.tandem.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

import dev.tandem.org.Actor;
import dev.tandem.org.Organisation;
import dev.tandem.org.PersonView;

/**
 * What the layout shows on every page, whichever module's controller rendered it: who is
 * signed in. The value is lazy so that JSON endpoints, which share this advice, never pay for
 * the lookup.
 */
@ControllerAdvice
class LayoutAttributes {

	private final Organisation organisation;

	LayoutAttributes(Organisation organisation) {
		this.organisation = organisation;
	}

	/** The signed-in person, or null on a page seen without signing in (an error page, say). */
	@ModelAttribute("currentUser")
	LazyContextVariable<PersonView> currentUser() {
		var username = Actor.current();
		return new LazyContextVariable<>() {
			@Override
			protected PersonView loadValue() {
				return Actor.SYSTEM.equals(username) ? null : organisation.findPerson(username).orElse(null);
			}
		};
	}
}
