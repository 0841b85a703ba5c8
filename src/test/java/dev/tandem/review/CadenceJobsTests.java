package dev.tandem.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.notify.Notifications;
import dev.tandem.notify.Notifications.DigestFrequency;
import dev.tandem.notify.Notifications.NotificationPreferences;
import dev.tandem.notify.Notifications.PersonalEvent;
import dev.tandem.okr.Cycles;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

/**
 * The cadence's jobs over simulated weeks, with the clock moved by hand from a Monday before the
 * reminder hour (09:00 UTC): who is reminded and who is not, digests' content and that nothing is
 * handed over twice for one person and period.
 */
@TandemTest
class CadenceJobsTests {

	/** The Monday after the real today, 06:00 UTC: close enough to now for the API's date checks. */
	static final Instant MONDAY = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
		.atTime(6, 0).toInstant(ZoneOffset.UTC);

	static final MovableClock CLOCK = new MovableClock(MONDAY);

	static final RecordingNotifications SENT = new RecordingNotifications();

	@TestBean
	Clock clock;

	/**
	 * What the cadence hands over is recorded instead of queued: the outbox stays (the notify
	 * module's own reactions use it), the recording one is what the review module is given.
	 */
	@org.springframework.boot.test.context.TestConfiguration
	static class Recording {

		@org.springframework.context.annotation.Bean
		@org.springframework.context.annotation.Primary
		Notifications recordingNotifications() {
			return SENT;
		}
	}

	static Clock clock() {
		return CLOCK;
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	Cycles cycles;

	@Autowired
	CheckInReminders reminders;

	@Autowired
	Digests digests;

	@Autowired
	CadenceJobs jobs;

	@Autowired
	DecisionNotices notices;

	ApiFixtures api;

	String team;

	@BeforeEach
	void setUp() {
		CLOCK.set(MONDAY);
		api = new ApiFixtures(mvc);
		team = TestUsers.team(organisation);
	}

	@Test
	void remindsOncePerWeekOnlyThoseWithActiveUncheckedKeyResults() {
		var due = TestUsers.person(organisation, Role.MEMBER, team);
		var checkedIn = TestUsers.person(organisation, Role.MEMBER, team);
		var drafted = TestUsers.person(organisation, Role.MEMBER, team);
		var closed = TestUsers.person(organisation, Role.MEMBER, team);
		var optedOut = TestUsers.person(organisation, Role.MEMBER, team);
		SENT.preferences.put(optedOut, new NotificationPreferences(DigestFrequency.WEEKLY, true,
				EnumSet.complementOf(EnumSet.of(PersonalEvent.CHECK_IN_DUE))));
		long running = cycle(-30, 60);
		long active = objective(running, due);
		long dueKr = keyResult(active, due, "Answer <every> ticket");
		long checkedKr = keyResult(active, checkedIn, "Checked in already");
		keyResult(active, optedOut, "Opted out");
		activate(active);
		keyResult(objective(running, drafted), drafted, "In a draft");
		long ending = cycle(-20, 20);
		long inClosed = objective(ending, closed);
		keyResult(inClosed, closed, "In a closed cycle");
		activate(inClosed);
		cycles.close(ending);
		CLOCK.advance(Duration.ofMinutes(30));
		checkIn(checkedKr);

		CLOCK.set(MONDAY.plus(Duration.ofHours(2).plusMinutes(45)));
		assertThat(reminders.sendDue()).isEqualTo(new CheckInReminders.Sent(0, 0));
		assertThat(SENT.to(due)).isEmpty();

		// Monday 09:00 to Sunday 23:45, every quarter of an hour the job might run
		CLOCK.set(MONDAY.plus(Duration.ofHours(3)));
		jobs.remind();
		for (int i = 0; i < 7 * 24 * 4 - 37; i += 6) {
			CLOCK.advance(Duration.ofMinutes(15 * 6));
			reminders.sendDue();
		}
		assertThat(SENT.to(due, "check-in-reminder:")).singleElement().satisfies(email -> {
			assertThat(email.text()).contains("Answer <every> ticket");
			assertThat(email.html()).contains("Answer &lt;every&gt; ticket").doesNotContain("<every>");
			assertThat(email.unsubscribable()).isTrue();
		});
		assertThat(SENT.to(checkedIn)).isEmpty();
		assertThat(SENT.to(drafted)).isEmpty();
		assertThat(SENT.to(closed)).isEmpty();
		assertThat(SENT.to(optedOut)).isEmpty();

		// the next week, the one checked in last week is due again; still one each
		CLOCK.set(MONDAY.plus(Duration.ofDays(7)).plus(Duration.ofHours(3)));
		reminders.sendDue();
		reminders.sendDue();
		assertThat(SENT.to(due, "check-in-reminder:")).hasSize(2)
			.extracting(Notifications.Email::idempotencyKey).doesNotHaveDuplicates();
		assertThat(SENT.to(checkedIn, "check-in-reminder:")).hasSize(1);
		assertThat(SENT.to(drafted)).isEmpty();
		assertThat(dueKr).isPositive();
	}

	@Test
	void digestsTellWhatIsOwedAndAreSentOncePerPeriod() {
		var weekly = TestUsers.person(organisation, Role.EDITOR, team);
		var daily = TestUsers.person(organisation, Role.MEMBER, team);
		var off = TestUsers.person(organisation, Role.MEMBER, team);
		SENT.preferences.put(daily, new NotificationPreferences(DigestFrequency.DAILY, true, EnumSet.allOf(PersonalEvent.class)));
		SENT.preferences.put(off, new NotificationPreferences(DigestFrequency.OFF, true, EnumSet.allOf(PersonalEvent.class)));
		var kpi = TestUsers.unique("digest-kpi");
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"Uptime <b>","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
				 "frequency":"DAILY","aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER","target":99,"warning":95}""".formatted(kpi, team, weekly)))
			.hasStatus(HttpStatus.CREATED);
		assertThat(api.post("/api/kpis/" + kpi + "/measurements",
				"[{\"at\":\"%s\",\"value\":80}]".formatted(MONDAY.minus(Duration.ofHours(1))))).hasStatus2xxSuccessful();
		long running = cycle(-30, 60);
		long objective = objective(running, weekly);
		keyResult(objective, weekly, "Grow it");
		activate(objective);
		long review = ApiFixtures.id(api.post("/api/teams/" + team + "/reviews", "").exchange());
		assertThat(api.post("/api/reviews/" + review + "/decisions", """
				{"action":"Fix <script>alert(1)</script>","owner":"%s","due":"%s"}"""
			.formatted(weekly, MONDAY.atZone(ZoneOffset.UTC).toLocalDate()))).hasStatus(HttpStatus.CREATED);
		// the KPI module's status change reaches the cadence in a reaction of its own
		await().atMost(Duration.ofSeconds(20)).until(() -> !digests.of(weekly).kpisChanged().isEmpty());
		CLOCK.advance(Duration.ofDays(2));

		var json = ApiFixtures.body(mvc.get().uri("/api/me/digest").with(user(weekly)).exchange());
		assertThat(JsonPath.<List<String>>read(json, "$.kpisChanged[*].kpi")).containsExactly(kpi);
		assertThat(JsonPath.<List<String>>read(json, "$.kpisChanged[*].to")).containsExactly("RED");
		assertThat(JsonPath.<List<String>>read(json, "$.decisionsOverdue[*].action"))
			.containsExactly("Fix <script>alert(1)</script>");
		assertThat(JsonPath.<List<Integer>>read(json, "$.objectives[*].id")).containsExactly((int) objective);
		assertThat(JsonPath.<List<Integer>>read(json, "$.owed.checkIns[*].objectiveId")).contains((int) objective);
		assertThat(JsonPath.<String>read(json, "$.frequency")).isEqualTo("WEEKLY");

		var html = mvc.get().uri("/api/me/digest?format=html").with(user(weekly)).exchange();
		assertThat(html).hasStatusOk().hasContentTypeCompatibleWith("text/html");
		assertThat(ApiFixtures.body(html)).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Uptime &lt;b&gt;", "style=\"")
			.doesNotContain("<script", "<img", "<link", "Uptime <b>");

		// Wednesday 08:00: the administrator sends what is due now; a second time sends nothing again
		assertThat(mvc.post().uri("/api/digests/send").with(user(weekly))).hasStatus(HttpStatus.FORBIDDEN);
		var first = ApiFixtures.body(api.post("/api/digests/send", "").exchange());
		assertThat(JsonPath.<Integer>read(first, "$.sent")).isPositive();
		var again = ApiFixtures.body(api.post("/api/digests/send", "").exchange());
		assertThat(JsonPath.<Integer>read(again, "$.sent")).isZero();
		assertThat(JsonPath.<Integer>read(again, "$.skipped")).isPositive();
		assertThat(SENT.to(weekly, "digest:")).singleElement().satisfies(email -> {
			assertThat(email.text()).contains("Fix <script>alert(1)</script>", "Decisions overdue");
			assertThat(email.html()).doesNotContain("<script");
		});
		assertThat(SENT.to(daily, "digest:")).hasSize(1);
		assertThat(SENT.to(off, "digest:")).isEmpty();
		assertThat(SENT.messages.stream()
			.filter(m -> m.event() == Notifications.ChannelEvent.DIGEST && m.idempotencyKey().contains(":" + team + ":")))
			.singleElement().satisfies(m -> assertThat(m.text()).contains(team, "1 without fresh data"));

		// the job, over the rest of the week and the next Monday: daily ones daily, weekly ones on Monday from 08:00
		for (int hour = 0; hour < 5 * 24 + 3; hour++) {
			CLOCK.advance(Duration.ofHours(1));
			digests.sendDue(true);
		}
		assertThat(SENT.to(weekly, "digest:")).hasSize(2).extracting(Notifications.Email::idempotencyKey).doesNotHaveDuplicates();
		assertThat(SENT.to(daily, "digest:")).hasSize(6).extracting(Notifications.Email::idempotencyKey).doesNotHaveDuplicates();
		assertThat(SENT.to(off, "digest:")).isEmpty();
		// the decision's due notice went once, on the first reminder run after it fell due
		notices.sendDue();
		notices.sendDue();
		assertThat(SENT.to(weekly, "decision-due:")).singleElement()
			.satisfies(email -> assertThat(email.subject()).startsWith("Overdue: "));
	}

	private long cycle(int startDays, int endDays) {
		var today = CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate();
		return ApiFixtures.id(api.post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(TestUsers.unique("cycle"), today.plusDays(startDays),
				today.plusDays(endDays))).exchange());
	}

	/** A draft objective: {@link #activate} makes it active. */
	private long objective(long cycle, String owner) {
		return ApiFixtures.id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Objective of %s","level":"TEAM","commitment":"COMMITTED",
				 "state":"DRAFT"}"""
			.formatted(cycle, team, owner, owner)).exchange());
	}

	private void activate(long objective) {
		assertThat(api.post("/api/objectives/" + objective + "/activate", "")).hasStatusOk();
	}

	private long keyResult(long objective, String owner, String title) {
		long id = ApiFixtures.id(api.post("/api/objectives/" + objective + "/key-results", """
				{"title":"%s","type":"METRIC","owner":"%s","baseline":0,"target":100}""".formatted(title, owner)).exchange());
		return id;
	}

	private void checkIn(long keyResult) {
		assertThat(api.post("/api/key-results/" + keyResult + "/check-ins", "{\"value\":10,\"confidence\":7}"))
			.hasStatus(HttpStatus.CREATED);
	}
}
