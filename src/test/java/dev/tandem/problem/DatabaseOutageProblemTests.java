package dev.tandem.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A database that cannot be reached is "try again" (503), not "our bug" (500); other failures stay 500. */
class DatabaseOutageProblemTests {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

	@Test
	void anUnreachableDatabaseIsServiceUnavailableWithRetryAfter() {
		var response = advice.unexpected(new CannotCreateTransactionException("Could not open JDBC Connection",
				new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException("timed out"))));
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(response.getBody().getDetail()).contains("cannot be reached").contains("nothing was read or changed");
	}

	@Test
	void anyOtherFailureIsAnInternalError() {
		var response = advice.unexpected(new IllegalStateException("a bug"));
		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody().getDetail()).doesNotContain("a bug");
	}

	@Test
	void longInputIsQuotedByItsStartAndLength() {
		assertThat(Quoted.of("sales")).isEqualTo("'sales'");
		var quoted = Quoted.of("k".repeat(1_000_000));
		assertThat(quoted).startsWith("'" + "k".repeat(Quoted.LIMIT) + "…'").endsWith("(1,000,000 characters)");
		assertThat(quoted.length()).isLessThan(100);
	}
}
