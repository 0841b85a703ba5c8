package dev.tandem.pull;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlQueriesTests {

	@ParameterizedTest
	@ValueSource(strings = { "delete from t", "update t set v = 0", "create table x (id int)", "drop table t",
			"select 1 as value; delete from t", "insert into t values (1)", "call wipe()" })
	void writesAndSeveralStatementsAreRefused(String query) {
		assertThat(SqlQueries.problem(query)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "select count(*) as value from orders", "select 1 as value;",
			"with d as (select 1 as v) select v as value from d", "select ';' as note, 1 as value",
			"select 1 as value -- a comment; with a semicolon" })
	void aSingleQueryPasses(String query) {
		assertThat(SqlQueries.problem(query)).isNull();
	}
}
