package dev.tandem.problem;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means "the database cannot be reached right now" — a refused or
 * timed-out connection, wherever it surfaced — so that the API says 503 and "try again"
 * rather than 500 and "our fault". Nothing was written: no connection, no transaction.
 */
final class DatabaseUnavailable {

	/** What a client should wait before retrying, in seconds (the pool's validation cycle is shorter). */
	static final int RETRY_AFTER_SECONDS = 5;

	static final String DETAIL = "The database cannot be reached right now, so nothing was read or changed. "
			+ "Try again in a few seconds; the server recovers on its own once the database is back.";

	private DatabaseUnavailable() {
	}

	static boolean isCause(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}
}
