package dev.tandem.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.tandem.TestUsers;
import dev.tandem.problem.InvalidInputException;

class SecretBoxTests {

	static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

	@Test
	void aSecretComesBackUnderItsKeyAndIsStoredDifferentlyEachTime() {
		var box = new SecretBox(TestUsers.SECRET_KEY);
		var once = box.encrypt("hunter2-password");
		var twice = box.encrypt("hunter2-password");
		assertThat(once).isNotEqualTo(twice).doesNotContain("hunter2");
		assertThat(box.decrypt(once)).isEqualTo("hunter2-password");
		assertThat(box.decrypt(twice)).isEqualTo("hunter2-password");
	}

	@Test
	void anotherKeyCannotReadItAndSaysSoWithoutTheSecret() {
		var stored = new SecretBox(TestUsers.SECRET_KEY).encrypt("hunter2-password");
		assertThatThrownBy(() -> new SecretBox(OTHER_KEY).decrypt(stored))
			.isInstanceOf(SecretBox.SecretUnreadableException.class)
			.hasMessageContaining("another key")
			.hasMessageNotContaining("hunter2");
	}

	@Test
	void aTamperedSecretIsRefused() {
		var box = new SecretBox(TestUsers.SECRET_KEY);
		var stored = java.util.Base64.getDecoder().decode(box.encrypt("hunter2-password"));
		stored[stored.length - 1] ^= 1;
		var tampered = java.util.Base64.getEncoder().encodeToString(stored);
		assertThatThrownBy(() -> box.decrypt(tampered)).isInstanceOf(SecretBox.SecretUnreadableException.class);
	}

	@Test
	void aKeyThatIsNotBase64OrOfTheWrongLengthStopsTheStart() {
		assertThatThrownBy(() -> new SecretBox("not base64 at all!")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("openssl rand -base64 32");
		assertThatThrownBy(() -> new SecretBox("c2hvcnQ=")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("5 bytes");
	}

	@Test
	void withoutAKeyNoSecretIsStored() {
		var box = new SecretBox("");
		assertThat(box.hasKey()).isFalse();
		assertThatThrownBy(() -> box.encrypt("x")).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void startingWithStoredConnectionsButNoKeyFails() {
		var stored = new ConnectionStore(null, null) {
			@Override
			long count() {
				return 2;
			}
		};
		assertThatThrownBy(() -> new SecretKeyCheck(new SecretBox(""), stored).check())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("2 pull connections are stored but no secret key is set")
			.hasMessageContaining("TANDEM_SECRET_KEY");
		new SecretKeyCheck(new SecretBox(TestUsers.SECRET_KEY), stored).check();
		var none = new ConnectionStore(null, null) {
			@Override
			long count() {
				return 0;
			}
		};
		new SecretKeyCheck(new SecretBox(""), none).check();
	}
}
