package dev.tandem.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.notify.Notifications.ChannelEvent;
import dev.tandem.notify.OutboxMessage.Kind;
import dev.tandem.org.Actor;
import dev.tandem.org.AuditableChange;
import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.org.TeamView;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/**
 * Teams' chat channels and webhooks. An administrator manages all of them, and the
 * organisation-wide ones (no team); an editor those of their own teams. The secret is kept
 * for signing and never shown again.
 */
@Component
class Channels {

	record Channel(long id, Long teamId, Kind kind, String url, Set<ChannelEvent> events, String secret,
			Instant createdAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Organisation organisation;
	private final Permissions permissions;
	private final ChannelUrls urls;
	private final ApplicationEventPublisher events;

	Channels(JdbcClient jdbc, Clock clock, Organisation organisation, Permissions permissions, ChannelUrls urls,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.organisation = organisation;
		this.permissions = permissions;
		this.urls = urls;
		this.events = events;
	}

	@Transactional
	ChannelView create(ChannelRequest request) {
		TeamView team = null;
		if (request.team() != null && !request.team().isBlank()) {
			team = organisation.findTeam(request.team())
				.orElseThrow(() -> new InvalidInputException("team", "No team has the key " + request.team() + "."));
			permissions.requireEditorOf(team.id());
		}
		else {
			permissions.requireAdmin();
		}
		var kind = ChannelRequest.kind(request.kind());
		var chosen = ChannelRequest.events(request.events());
		var url = urls.check(request.url()).toString();
		if (kind == Kind.WEBHOOK && (request.secret() == null || request.secret().length() < 16)) {
			throw new InvalidInputException("secret",
					"A webhook needs a secret of at least 16 characters: its deliveries are signed with it.");
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into notify_channel (team_id, kind, url, events, secret, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(team == null ? null : team.id(), kind.name(), url, names(chosen), request.secret(),
					Outbox.utc(clock.instant()), Actor.current())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		var view = view(find(id));
		events.publishEvent(new AuditableChange("channel.created", String.valueOf(id),
				"Added a " + kind + " channel" + (team == null ? "" : " for team " + team.key()), null, view));
		return view;
	}

	/** The channels the signed-in person may manage. */
	List<ChannelView> list() {
		var editable = permissions.editableTeams();
		boolean admin = permissions.isAdmin();
		return all().stream()
			.filter(channel -> channel.teamId() == null ? admin : editable.test(channel.teamId()))
			.map(this::view)
			.toList();
	}

	List<Channel> all() {
		return jdbc.sql("select * from notify_channel where deleted_at is null order by id").query(Channels::row).list();
	}

	/** The channels of the team (null: organisation-wide) subscribed to the event. */
	List<Channel> subscribed(Long teamId, ChannelEvent event) {
		return all().stream()
			.filter(channel -> teamId == null ? channel.teamId() == null : teamId.equals(channel.teamId()))
			.filter(channel -> channel.events().contains(event))
			.toList();
	}

	boolean anySubscribed(ChannelEvent event) {
		return all().stream().anyMatch(channel -> channel.events().contains(event));
	}

	@Transactional
	void delete(long id) {
		var channel = manageable(id);
		jdbc.sql("update notify_channel set deleted_at = ? where id = ?").params(Outbox.utc(clock.instant()), id).update();
		events.publishEvent(new AuditableChange("channel.deleted", String.valueOf(id), "Removed a " + channel.kind()
				+ " channel", view(channel), null));
	}

	/** The channel, when the signed-in person may manage it; 404 when it does not exist. */
	Channel manageable(long id) {
		var channel = find(id);
		if (channel.teamId() == null) {
			permissions.requireAdmin();
		}
		else {
			permissions.requireEditorOf(channel.teamId());
		}
		return channel;
	}

	Channel find(long id) {
		return jdbc.sql("select * from notify_channel where id = ? and deleted_at is null")
			.param(id)
			.query(Channels::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("channel", id));
	}

	/** Any channel, deleted or not: a delivery queued before the deletion still needs its URL, or to be given up. */
	java.util.Optional<Channel> forDelivery(long id) {
		return jdbc.sql("select * from notify_channel where id = ? and deleted_at is null").param(id).query(Channels::row).optional();
	}

	private ChannelView view(Channel channel) {
		var team = channel.teamId() == null ? null : organisation.findTeam(channel.teamId()).map(TeamView::key).orElse(null);
		return new ChannelView(channel.id(), team, channel.kind(), channel.url(),
				channel.events().stream().sorted().toList(), channel.secret() != null, channel.createdAt());
	}

	private static String names(Set<ChannelEvent> events) {
		return events.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	private static Channel row(ResultSet rs, int n) throws SQLException {
		var events = EnumSet.noneOf(ChannelEvent.class);
		Arrays.stream(rs.getString("events").split(",")).filter(s -> !s.isBlank()).map(ChannelEvent::valueOf)
			.forEach(events::add);
		return new Channel(rs.getLong("id"), (Long) rs.getObject("team_id", Long.class), Kind.valueOf(rs.getString("kind")),
				rs.getString("url"), events, rs.getString("secret"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}
}
