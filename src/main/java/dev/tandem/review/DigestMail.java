package dev.tandem.review;

import static dev.tandem.review.DigestHtml.escape;
import static dev.tandem.review.DigestHtml.heading;

import java.util.List;
import java.util.function.Function;

import dev.tandem.notify.Notifications;
import dev.tandem.org.PersonView;

/** A digest as an e-mail: plain text and the same in HTML, every user text escaped in the HTML. */
final class DigestMail {

	private DigestMail() {
	}

	static Notifications.Email of(DigestView digest, PersonView person, String key, CadenceSettings settings) {
		var subject = "Your Tandem digest for " + digest.period();
		return new Notifications.Email(person.username(), key, subject, text(digest, settings), html(digest, settings, subject),
				true);
	}

	static String text(DigestView d, CadenceSettings settings) {
		var text = new StringBuilder("Your Tandem digest for " + d.period() + "\n");
		var owed = d.owed();
		section(text, "What you owe", owed.checkIns(), c -> "check in on " + c.keyResult() + " (" + c.objective() + ")");
		section(text, "Your KPIs without fresh data", owed.kpis(), k -> k.name() + " (" + k.status() + ")");
		section(text, "Proposals waiting for you", owed.proposals(), p -> p.kpiName() + ": " + p.suggestedObjective());
		section(text, "Your KPIs that changed status", d.kpisChanged(), k -> k.name() + ": " + k.from() + " → " + k.to());
		section(text, "Your objectives", d.objectives(), o -> o.title() + ": " + score(o.score()) + ", " + o.status()
				+ movement(o.movement()));
		section(text, "Decisions overdue", d.decisionsOverdue(), x -> x.action() + " (due " + x.due() + ")");
		section(text, "Decisions waiting", d.decisionsWaiting(), x -> x.action() + " (due " + x.due() + ")");
		section(text, "Guardrail alerts on your objectives", d.alerts(), a -> a.kpi() + " guarding " + a.objective()
				+ " is " + a.status());
		if (d.isEmpty()) {
			text.append("\nNothing needs you this time.\n");
		}
		text.append("\nOpen your inbox: ").append(settings.link("/inbox")).append('\n');
		return text.toString();
	}

	static String html(DigestView d, CadenceSettings settings, String subject) {
		var body = new StringBuilder();
		var owed = d.owed();
		list(body, "What you owe", owed.checkIns(), c -> "Check in on " + c.keyResult() + " (" + c.objective() + ")");
		list(body, "Your KPIs without fresh data", owed.kpis(), k -> k.name() + " (" + k.status() + ")");
		list(body, "Proposals waiting for you", owed.proposals(), p -> p.kpiName() + ": " + p.suggestedObjective());
		list(body, "Your KPIs that changed status", d.kpisChanged(), k -> k.name() + ": " + k.from() + " → " + k.to());
		list(body, "Your objectives", d.objectives(), o -> o.title() + ": " + score(o.score()) + ", " + o.status()
				+ movement(o.movement()));
		list(body, "Decisions overdue", d.decisionsOverdue(), x -> x.action() + " (due " + x.due() + ")");
		list(body, "Decisions waiting", d.decisionsWaiting(), x -> x.action() + " (due " + x.due() + ")");
		list(body, "Guardrail alerts on your objectives", d.alerts(), a -> a.kpi() + " guarding " + a.objective() + " is "
				+ a.status());
		if (d.isEmpty()) {
			body.append("<p>Nothing needs you this time.</p>");
		}
		body.append(DigestHtml.button(settings.link("/inbox"), "Open your inbox"));
		return DigestHtml.document(subject, body.toString());
	}

	private static <T> void section(StringBuilder text, String title, List<T> items, Function<T, String> line) {
		if (items.isEmpty()) {
			return;
		}
		text.append('\n').append(title).append(":\n");
		items.forEach(item -> text.append("- ").append(line.apply(item)).append('\n'));
	}

	private static <T> void list(StringBuilder html, String title, List<T> items, Function<T, String> line) {
		if (items.isEmpty()) {
			return;
		}
		html.append(heading(title)).append("<ul style=\"margin:0;padding-left:20px\">");
		items.forEach(item -> html.append("<li>").append(escape(line.apply(item))).append("</li>"));
		html.append("</ul>");
	}

	private static String score(Double score) {
		return score == null ? "no score yet" : "score " + String.format(java.util.Locale.ROOT, "%.2f", score);
	}

	private static String movement(double movement) {
		return movement == 0 ? "" : String.format(java.util.Locale.ROOT, " (%+.2f this period)", movement);
	}
}
