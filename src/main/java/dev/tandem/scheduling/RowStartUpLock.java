package dev.tandem.scheduling;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * {@link StartUpLock} as a row lock: {@code select ... for update} on the task's row of
 * {@code start_up_lock}, on a connection of its own, kept open (its transaction uncommitted)
 * while the body runs its own transactions on other connections. The database makes the other
 * instance wait on the row — no polling, no expiry to guess — and a holder that dies releases
 * it with its connection. Works the same on PostgreSQL and H2.
 */
@Component
class RowStartUpLock implements StartUpLock {

	private final DataSource dataSource;

	RowStartUpLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void holding(String name, Runnable body) {
		try (var connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				lock(connection, name);
				body.run();
			}
			finally {
				// nothing was written on this connection: ending its transaction only releases the row
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException e) {
			throw new DataAccessResourceFailureException("Could not take the start-up lock '" + name + "'", e);
		}
	}

	private static void lock(Connection connection, String name) throws SQLException {
		try (var statement = connection.prepareStatement("select name from start_up_lock where name = ? for update")) {
			statement.setString(1, name);
			try (var found = statement.executeQuery()) {
				if (!found.next()) {
					throw new IllegalArgumentException("No start-up lock '" + name
							+ "': add its row to start_up_lock in a migration");
				}
			}
		}
	}
}
