package dev.tandem.okr.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The step before a write that cannot be undone (closing a cycle, deleting an objective or a
 * key result): a page that says what will happen, with the button that does it — a plain form,
 * so that it works without script. When the write would be refused anyway, {@code refusal}
 * says why and no button is offered.
 */
public record Confirmation(String title, List<Crumb> crumbs, String eyebrow, String heading, List<String> consequences,
		String warning, String refusal, String action, String button, boolean danger, String cancel) {

	/** A link in the breadcrumbs, between Home and the page itself. */
	public record Crumb(String label, String href) {
	}

	static Builder of(String title, String heading) {
		return new Builder(title, heading);
	}

	static final class Builder {

		private final String title;
		private final String heading;
		private final List<Crumb> crumbs = new ArrayList<>();
		private final List<String> consequences = new ArrayList<>();
		private String eyebrow;
		private String warning;
		private String refusal;

		private Builder(String title, String heading) {
			this.title = title;
			this.heading = heading;
		}

		Builder crumb(String label, String href) {
			crumbs.add(new Crumb(label, href));
			return this;
		}

		Builder eyebrow(String text) {
			eyebrow = text;
			return this;
		}

		Builder consequence(String text) {
			consequences.add(text);
			return this;
		}

		Builder warning(String text) {
			warning = text;
			return this;
		}

		Builder refusal(String text) {
			refusal = text;
			return this;
		}

		/** A primary button that posts to {@code action}. */
		Confirmation button(String label, String action, String cancel) {
			return build(label, action, cancel, false);
		}

		/** A danger button that posts to {@code action}: for a deletion. */
		Confirmation danger(String label, String action, String cancel) {
			return build(label, action, cancel, true);
		}

		private Confirmation build(String label, String action, String cancel, boolean danger) {
			return new Confirmation(title, List.copyOf(crumbs), eyebrow, heading, List.copyOf(consequences), warning,
					refusal, action, label, danger, cancel);
		}
	}
}
