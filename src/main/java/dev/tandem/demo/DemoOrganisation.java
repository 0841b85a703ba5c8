package dev.tandem.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.kpi.Kpis;
import dev.tandem.loop.Graduations;
import dev.tandem.loop.GuardrailAlerts;
import dev.tandem.loop.Proposals;
import dev.tandem.review.Reviews;
import dev.tandem.notify.NotificationSettings;
import dev.tandem.okr.Okrs;
import dev.tandem.okr.CheckIns;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.KeyResults;
import dev.tandem.okr.Objectives;
import dev.tandem.org.NewPerson;
import dev.tandem.org.NewTeam;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;
import dev.tandem.scheduling.StartUpLock;

/**
 * Loads the demo organisation into an empty database, in one transaction: a half-loaded demo
 * would be worse than none. "Empty" means no teams yet; a first admin may already exist.
 * Instances started together on an empty database take turns ({@link StartUpLock}): the first
 * loads the demo, loop reactions included; the others wait for it, then find the teams and skip.
 */
@Component
@Order(10)
class DemoOrganisation implements ApplicationRunner {

	/** Every demo person signs in with this password; documented in the README, demo mode only. */
	static final String PASSWORD = "tandem-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	private final Organisation organisation;
	private final Kpis kpis;
	private final Cycles cycles;
	private final Objectives objectives;
	private final KeyResults keyResults;
	private final CheckIns checkIns;
	private final Okrs okrs;
	private final Proposals proposals;
	private final Graduations graduations;
	private final GuardrailAlerts alerts;
	private final Reviews reviews;
	private final Environment environment;
	private final StartUpLock lock;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final ZoneId zone;
	private final NotificationSettings notifications;

	DemoOrganisation(Organisation organisation, Kpis kpis, Cycles cycles, Objectives objectives, KeyResults keyResults,
			CheckIns checkIns, Okrs okrs, Proposals proposals, Graduations graduations, GuardrailAlerts alerts,
			Reviews reviews, Environment environment, StartUpLock lock, TransactionTemplate transaction, Clock clock, ZoneId zone,
			NotificationSettings notifications) {
		this.notifications = notifications;
		this.organisation = organisation;
		this.kpis = kpis;
		this.cycles = cycles;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.checkIns = checkIns;
		this.okrs = okrs;
		this.proposals = proposals;
		this.graduations = graduations;
		this.alerts = alerts;
		this.reviews = reviews;
		this.environment = environment;
		this.lock = lock;
		this.transaction = transaction;
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!DemoSwitch.enabled(environment) || !organisation.teams().isEmpty()) {
			return;
		}
		lock.holding("demo", this::loadUnlessLoaded);
	}

	private void loadUnlessLoaded() {
		if (!organisation.teams().isEmpty()) {
			log.info("Another instance loaded the demo organisation while this one waited for it.");
			return;
		}
		long started = System.nanoTime();
		var now = clock.instant();
		var series = new DemoSeries(LocalDate.ofInstant(now, zone), zone, now, 42);
		transaction.executeWithoutResult(status -> load(series, now));
		// after the commit, as the loop itself would see it; each step is its own transaction
		new DemoLoop(kpis, proposals, graduations, alerts, okrs, objectives, checkIns, series.thisMorning()).load();
		new DemoReview(reviews, clock, zone).load();
		log.info("Loaded the demo organisation in {} ms; sign in as maria / {}", (System.nanoTime() - started) / 1_000_000,
				PASSWORD);
	}

	void load(DemoSeries series, Instant now) {
		team("northwind", "Northwind Group", null);
		team("patient-platform", "Patient Platform", "northwind");
		team("customer-support", "Customer Support", "northwind");
		team("sales", "Sales", "northwind");
		team("marketing", "Marketing", "northwind");
		team("people-ops", "People & Culture", "northwind");
		team("racing", "Northwind Racing (F1)", "northwind");

		person("maria", "Maria Chen", Role.ADMIN, "northwind");
		person("sam", "Sam Okafor", Role.EDITOR, "patient-platform");
		person("priya", "Priya Nair", Role.EDITOR, "customer-support");
		person("lee", "Lee Martin", Role.MEMBER, "customer-support");
		person("diego", "Diego Alvarez", Role.EDITOR, "sales");
		person("emma", "Emma Schulz", Role.EDITOR, "marketing");
		person("hana", "Hana Sato", Role.EDITOR, "people-ops");
		person("luca", "Luca Rossi", Role.EDITOR, "racing");
		person("olivia", "Olivia Brown", Role.VIEWER, "northwind");
		DemoNotifications.choose(notifications);

		var today = LocalDate.ofInstant(now, zone);
		for (var demo : new DemoKpis(series, today).all()) {
			kpis.create(demo.definition());
			var history = demo.history();
			kpis.record(history, i -> demo.definition().key() + "[" + i + "]", demo.definition().source());
		}
		var weekly = new DemoCheckIns(checkIns, kpis, zone, now);
		new DemoOkrs(cycles, objectives, keyResults, weekly, today).load();
	}

	private void team(String key, String name, String parent) {
		organisation.createTeam(new NewTeam(key, name, parent));
	}

	private void person(String username, String name, Role role, String team) {
		organisation.createPerson(new NewPerson(username, name, username + "@northwind.example", role, List.of(team),
				PASSWORD));
	}
}
