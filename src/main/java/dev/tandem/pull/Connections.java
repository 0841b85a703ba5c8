package dev.tandem.pull;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.org.AuditableChange;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;
import dev.tandem.problem.Quoted;

/**
 * The connections administrators set up (they reach internal systems): stored with the secret
 * encrypted, shown and audited without it, tested on request with a short timeout.
 */
@Service
@Transactional(readOnly = true)
public class Connections {

	private static final Pattern HEADER_NAME = Pattern.compile("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$");

	private final ConnectionStore store;
	private final SecretBox secrets;
	private final Permissions permissions;
	private final ApplicationEventPublisher events;
	private final List<Feed> feeds;
	private final java.time.Clock clock;

	Connections(ConnectionStore store, SecretBox secrets, Permissions permissions, ApplicationEventPublisher events,
			List<Feed> feeds, java.time.Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.permissions = permissions;
		this.events = events;
		this.feeds = feeds;
		this.clock = clock;
	}

	/** Every connection, for administrators and for editors choosing one for a KPI. */
	public List<ConnectionView> list() {
		return store.all().stream().map(Connection::view).toList();
	}

	ConnectionView get(long id) {
		permissions.requireAdmin();
		return connection(id).view();
	}

	@Transactional
	ConnectionView create(ConnectionInput input) {
		permissions.requireAdmin();
		check(input, null);
		var now = clock.instant();
		var secret = blank(input.secret()) ? null : secrets.encrypt(input.secret());
		var draft = new Connection(0, input.name().strip(), input.kind(), input.url().strip(), blankToNull(input.username()),
				secret, headers(input), blankToNull(input.secretHeader()), 0, now, now);
		var id = store.insert(draft);
		var view = connection(id).view();
		events.publishEvent(new AuditableChange("connection.created", view.name(), "Created connection " + view.name(),
				null, view));
		return view;
	}

	@Transactional
	ConnectionView update(long id, ConnectionInput input, Long version) {
		permissions.requireAdmin();
		var existing = connection(id);
		check(input, existing);
		if (version != null && version != existing.version()) {
			throw new ConflictException("The connection " + Quoted.of(existing.name()) + " is at version "
					+ existing.version() + ", not " + version + "; reload it and apply your change again.");
		}
		var secret = input.secret() == null ? existing.secret() : input.secret().isEmpty() ? null : secrets.encrypt(input.secret());
		var changed = new Connection(id, input.name().strip(), input.kind(), input.url().strip(),
				blankToNull(input.username()), secret, headers(input), blankToNull(input.secretHeader()),
				existing.version(), existing.createdAt(), clock.instant());
		if (!store.update(changed)) {
			throw new ConflictException("The connection " + Quoted.of(existing.name()) + " changed meanwhile; reload it.");
		}
		var view = connection(id).view();
		events.publishEvent(new AuditableChange("connection.updated", view.name(), "Changed connection " + view.name(),
				existing.view(), view));
		return view;
	}

	@Transactional
	void delete(long id) {
		permissions.requireAdmin();
		var existing = connection(id);
		var using = store.kpisUsing(id);
		if (!using.isEmpty()) {
			throw new ConflictException("The connection " + Quoted.of(existing.name()) + " is used by " + using.size()
					+ " KPI" + (using.size() == 1 ? "" : "s") + " (" + String.join(", ", using.stream().limit(10).toList())
					+ "); point them at another connection or change their source first.");
		}
		store.delete(id);
		events.publishEvent(new AuditableChange("connection.deleted", existing.name(), "Deleted connection "
				+ existing.name(), existing.view(), null));
	}

	record TestResult(boolean ok, String message) {
	}

	/** Whether the source answers and takes the credentials; never throws for a source that does not. */
	TestResult test(long id) {
		permissions.requireAdmin();
		var connection = connection(id);
		try {
			var access = access(connection);
			return new TestResult(true, feed(connection.kind()).test(access));
		}
		catch (FeedException | SecretBox.SecretUnreadableException e) {
			return new TestResult(false, e.getMessage());
		}
	}

	Connection connection(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("connection", id));
	}

	Access access(Connection connection) {
		return new Access(connection, connection.secret() == null ? null : secrets.decrypt(connection.secret()));
	}

	Feed feed(ConnectionKind kind) {
		return feeds.stream().filter(feed -> feed.kind() == kind).findFirst().orElseThrow();
	}

	private void check(ConnectionInput input, Connection existing) {
		var problems = new ArrayList<FieldProblem>();
		store.findByName(input.name().strip())
			.filter(other -> existing == null || other.id() != existing.id())
			.ifPresent(other -> problems.add(new FieldProblem("name", "a connection named " + Quoted.of(other.name())
					+ " exists already; choose another name")));
		var url = input.url().strip();
		if (input.kind() == ConnectionKind.SQL) {
			JdbcUrlRules.problem(url).ifPresent(problem -> problems.add(new FieldProblem("url", problem)));
		}
		else if (!isHttp(url)) {
			problems.add(new FieldProblem("url", "must be an http or https URL such as https://prometheus.example.com:9090"));
		}
		var headers = input.headers() == null ? Map.<String, String>of() : input.headers();
		if (!headers.isEmpty() && input.kind() != ConnectionKind.HTTP_JSON) {
			problems.add(new FieldProblem("headers", "only an HTTP_JSON connection sends headers"));
		}
		headers.keySet().stream().filter(name -> !HEADER_NAME.matcher(name).matches())
			.forEach(name -> problems.add(new FieldProblem("headers", Quoted.of(name) + " is not a header name")));
		if (!blank(input.secretHeader())) {
			if (input.kind() != ConnectionKind.HTTP_JSON) {
				problems.add(new FieldProblem("secretHeader", "only an HTTP_JSON connection sends a secret header"));
			}
			else if (!HEADER_NAME.matcher(input.secretHeader()).matches()) {
				problems.add(new FieldProblem("secretHeader", "is not a header name"));
			}
			var hasSecret = !blank(input.secret()) || input.secret() == null && existing != null && existing.secret() != null;
			if (!hasSecret) {
				problems.add(new FieldProblem("secret", "the secret header's value is required"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static boolean isHttp(String url) {
		try {
			var uri = URI.create(url);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && uri.getUserInfo() == null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static Map<String, String> headers(ConnectionInput input) {
		return input.headers() == null ? Map.of() : new LinkedHashMap<>(input.headers());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String blankToNull(String text) {
		return blank(text) ? null : text.strip();
	}
}
