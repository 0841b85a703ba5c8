package dev.tandem.backup;

import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.TandemTest;
import dev.tandem.TestDatabase;

/** Where Tandem cannot take a backup itself, asking for one says why and what to do instead. */
@TandemTest
class BackupApiTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aDatabaseWithoutAFileOfTandemsOwnIsRefusedWithTheWayToBackItUp() {
		var refused = mvc.post().uri("/api/backups").with(admin());
		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString()
			.contains(TestDatabase.isPostgres() ? "pg_dump" : "in memory");
		assertThat(mvc.get().uri("/api/backups").with(admin())).hasStatusOk().bodyJson().isLenientlyEqualTo("[]");
	}
}
