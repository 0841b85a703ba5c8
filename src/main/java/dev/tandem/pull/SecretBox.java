package dev.tandem.pull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

import dev.tandem.problem.InvalidInputException;

/**
 * Encrypts connection secrets at rest with AES-GCM (Spring Security Crypto, a random IV per
 * secret) under the key in {@code tandem.secret-key} ({@code TANDEM_SECRET_KEY}): 16, 24 or 32
 * bytes, base64-encoded. Without a key Tandem runs, but stores no secret.
 */
@Component
class SecretBox {

	static final String HOW_TO = "set TANDEM_SECRET_KEY to a base64-encoded 256-bit key, for instance the output of "
			+ "'openssl rand -base64 32'";

	private final BytesEncryptor encryptor;

	SecretBox(@Value("${tandem.secret-key:}") String key) {
		this.encryptor = key == null || key.isBlank() ? null : encryptor(key.strip());
	}

	private static BytesEncryptor encryptor(String key) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(key);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("TANDEM_SECRET_KEY is not base64; " + HOW_TO);
		}
		if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
			throw new IllegalStateException("TANDEM_SECRET_KEY holds " + bytes.length + " bytes, not 16, 24 or 32; " + HOW_TO);
		}
		return new AesBytesEncryptor(new SecretKeySpec(bytes, "AES"), KeyGenerators.secureRandom(16),
				AesBytesEncryptor.CipherAlgorithm.GCM);
	}

	boolean hasKey() {
		return encryptor != null;
	}

	String encrypt(String secret) {
		if (encryptor == null) {
			throw new InvalidInputException("secret", "Tandem has no key to encrypt secrets with: an operator must " + HOW_TO);
		}
		return Base64.getEncoder().encodeToString(encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8)));
	}

	/** The secret in the clear; fails (without the secret in its message) under another key than it was stored with. */
	String decrypt(String stored) {
		if (encryptor == null) {
			throw new SecretUnreadableException("Tandem has no TANDEM_SECRET_KEY to decrypt the connection's secret with");
		}
		try {
			return new String(encryptor.decrypt(Base64.getDecoder().decode(stored)), StandardCharsets.UTF_8);
		}
		catch (RuntimeException e) {
			throw new SecretUnreadableException("the connection's secret cannot be decrypted with this TANDEM_SECRET_KEY "
					+ "(it was stored under another key); enter the secret again");
		}
	}

	static final class SecretUnreadableException extends RuntimeException {

		SecretUnreadableException(String message) {
			super(message);
		}
	}
}
