package dev.tandem.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.Kpis;
import dev.tandem.loop.Owed;
import dev.tandem.notify.Notifications;
import dev.tandem.notify.Notifications.DigestFrequency;
import dev.tandem.okr.CheckIns;
import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.KeyResultView;
import dev.tandem.okr.ObjectiveState;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Okrs;
import dev.tandem.org.Organisation;
import dev.tandem.org.PersonView;
import dev.tandem.review.DigestView.KpiStatusLine;
import dev.tandem.review.DigestView.ObjectiveLine;

/**
 * The digests: each person's (weekly, daily or off, as they chose) and each team's weekly chat
 * message. Building one reads; sending one hands it to {@link Notifications} under a key of
 * person and period, never twice.
 */
@Service
@Transactional(readOnly = true)
public class Digests {

	private final Owed owed;
	private final Kpis kpis;
	private final Okrs okrs;
	private final Cycles cycles;
	private final CheckIns checkIns;
	private final Reviews reviews;
	private final KpiStatusChanges statusChanges;
	private final Organisation organisation;
	private final Notifications notifications;
	private final CadenceMessages messages;
	private final TeamDigests teamDigests;
	private final CadenceSettings settings;
	private final Clock clock;
	private final ZoneId zone;

	Digests(Owed owed, Kpis kpis, Okrs okrs, Cycles cycles, CheckIns checkIns, Reviews reviews,
			KpiStatusChanges statusChanges, Organisation organisation, Notifications notifications,
			CadenceMessages messages, TeamDigests teamDigests, CadenceSettings settings, Clock clock, ZoneId zone) {
		this.owed = owed;
		this.kpis = kpis;
		this.okrs = okrs;
		this.cycles = cycles;
		this.checkIns = checkIns;
		this.reviews = reviews;
		this.statusChanges = statusChanges;
		this.organisation = organisation;
		this.notifications = notifications;
		this.messages = messages;
		this.teamDigests = teamDigests;
		this.settings = settings;
		this.clock = clock;
		this.zone = zone;
	}

	/** How many digests a run handed over, and how many people it passed over (off, not due, or sent already). */
	public record Sent(int sent, int skipped) {
	}

	/** The digest the person would receive now, by their frequency (a weekly one when theirs is off). */
	public DigestView of(String username) {
		var frequency = notifications.preferencesOf(username).digest();
		return build(username, frequency == DigestFrequency.OFF ? DigestFrequency.WEEKLY : frequency, clock.instant());
	}

	/**
	 * Hands over every digest due now: with {@code onSchedule}, a weekly digest only once this
	 * week's digest day and hour have come and a daily one once today's hour has; without (an
	 * administrator asking), the current period's at once. Then each team's weekly chat digest.
	 */
	@Transactional
	public Sent sendDue(boolean onSchedule) {
		var now = clock.instant();
		int sent = 0;
		int skipped = 0;
		for (var person : organisation.people()) {
			if (!person.active()) {
				continue;
			}
			var frequency = notifications.preferencesOf(person.username()).digest();
			if (frequency == DigestFrequency.OFF || onSchedule && !due(frequency, now)) {
				skipped++;
				continue;
			}
			var period = period(frequency, now);
			var key = "digest:" + person.username() + ":" + period;
			if (messages.handedOver(key)) {
				skipped++;
				continue;
			}
			var digest = asPerson(person, () -> build(person.username(), frequency, now));
			messages.claim(key, "DIGEST", person.username(), now);
			if (notifications.email(DigestMail.of(digest, person, key, settings))) {
				sent++;
			}
			else {
				skipped++;
			}
		}
		if (!onSchedule || Weeks.reached(now, zone, settings.digestDay(), settings.digestHour())) {
			teamDigests.send(now);
		}
		return new Sent(sent, skipped);
	}

	DigestView build(String username, DigestFrequency frequency, Instant now) {
		var since = now.minus(Duration.ofDays(frequency == DigestFrequency.DAILY ? 1 : 7));
		var owedNow = owed.of(username);
		var mine = kpis.ownedBy(username);
		var names = new java.util.HashMap<String, String>();
		mine.forEach(kpi -> names.put(kpi.key(), kpi.name()));
		var changed = statusChanges.since(names.keySet(), since).stream()
			.map(c -> new KpiStatusLine(c.kpi(), names.get(c.kpi()), c.from(), c.to(), c.at()))
			.toList();
		var running = cycles.list().stream().filter(c -> c.status() == CycleStatus.ACTIVE).map(c -> c.id()).toList();
		var objectives = okrs.objectivesInvolving(username).stream()
			.filter(o -> username.equals(o.owner()) && o.state() == ObjectiveState.ACTIVE && running.contains(o.cycle()))
			.map(o -> line(o, since))
			.toList();
		var decisions = reviews.openDecisionsOf(username);
		var waiting = decisions.stream().filter(d -> !d.overdue()).toList();
		var overdue = decisions.stream().filter(DecisionView::overdue).toList();
		return new DigestView(username, frequency, period(frequency, now), since, now, owedNow, changed, objectives,
				waiting, overdue, owedNow.alerts());
	}

	/** The objective's score and status, and how far its key results' check-ins in the period moved the score. */
	private ObjectiveLine line(ObjectiveView objective, Instant since) {
		double weights = 0;
		double moved = 0;
		int count = 0;
		for (var kr : objective.keyResults()) {
			weights += kr.weight();
			var recent = checkIns.list(kr.id(), 100, 0);
			var inPeriod = recent.stream().filter(c -> !c.at().isBefore(since)).toList();
			if (inPeriod.isEmpty()) {
				continue;
			}
			count += inPeriod.size();
			var before = recent.stream().filter(c -> c.at().isBefore(since)).findFirst();
			double then = before.map(c -> score(c.progress(), kr)).orElse(0.0);
			moved += kr.weight() * (kr.score() - then);
		}
		return new ObjectiveLine(objective.id(), objective.title(), objective.score(), objective.status(),
				weights == 0 ? 0 : Math.round(moved / weights * 100) / 100.0, count);
	}

	private static double score(Double progress, KeyResultView kr) {
		return progress == null ? kr.score() : Math.max(0, Math.min(1, progress));
	}

	private boolean due(DigestFrequency frequency, Instant now) {
		if (frequency == DigestFrequency.DAILY) {
			return now.atZone(zone).getHour() >= settings.digestHour();
		}
		return Weeks.reached(now, zone, settings.digestDay(), settings.digestHour());
	}

	private String period(DigestFrequency frequency, Instant now) {
		var day = now.atZone(zone).toLocalDate();
		return frequency == DigestFrequency.DAILY ? day.toString() : Weeks.isoWeek(day);
	}

	/**
	 * Builds as the person would see it: "what I owe" asks the permissions which proposals they
	 * may decide, and a job runs as the system, which may decide all.
	 */
	private static <T> T asPerson(PersonView person, Supplier<T> body) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person.username(), null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return body.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
