package dev.tandem.pull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The {@code pull_connection} table. */
@Component
class ConnectionStore {

	private final JdbcClient jdbc;
	private final ObjectMapper mapper;

	ConnectionStore(JdbcClient jdbc, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	List<Connection> all() {
		return jdbc.sql("select * from pull_connection order by name").query(this::connection).list();
	}

	Optional<Connection> find(long id) {
		return jdbc.sql("select * from pull_connection where id = ?").param(id).query(this::connection).optional();
	}

	Optional<Connection> findByName(String name) {
		return jdbc.sql("select * from pull_connection where name = ?").param(name).query(this::connection).optional();
	}

	long count() {
		return jdbc.sql("select count(*) from pull_connection").query(Long.class).single();
	}

	long insert(Connection c) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into pull_connection (name, kind, url, username, secret, headers, secret_header, version,
				  created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(c.name(), c.kind().name(), c.url(), c.username(), c.secret(), json(c.headers()), c.secretHeader(),
					utc(c.createdAt()), utc(c.updatedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** False when the row is no longer at the version read. */
	boolean update(Connection c) {
		return jdbc.sql("""
				update pull_connection set name = ?, kind = ?, url = ?, username = ?, secret = ?, headers = ?,
				  secret_header = ?, version = version + 1, updated_at = ? where id = ? and version = ?""")
			.params(c.name(), c.kind().name(), c.url(), c.username(), c.secret(), json(c.headers()), c.secretHeader(),
					utc(c.updatedAt()), c.id(), c.version())
			.update() == 1;
	}

	void delete(long id) {
		jdbc.sql("delete from pull_connection where id = ?").param(id).update();
	}

	/** The keys of the KPIs that pull through the connection, a few of them, for a message. */
	List<String> kpisUsing(long id) {
		return jdbc.sql("select k.slug from kpi_pull p join kpi k on k.id = p.kpi_id where p.connection_id = ? order by k.slug")
			.param(id)
			.query(String.class)
			.list();
	}

	private Connection connection(ResultSet rs, int row) throws SQLException {
		return new Connection(rs.getLong("id"), rs.getString("name"), ConnectionKind.valueOf(rs.getString("kind")),
				rs.getString("url"), rs.getString("username"), rs.getString("secret"), headers(rs.getString("headers")),
				rs.getString("secret_header"), rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private Map<String, String> headers(String text) {
		return text == null || text.isBlank() ? Map.of() : mapper.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {
		});
	}

	private String json(Map<String, String> headers) {
		return headers == null || headers.isEmpty() ? null : mapper.writeValueAsString(headers);
	}

	static OffsetDateTime utc(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}
}
