package dev.tandem.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256: webhook signatures and the unsubscribe links' tokens. */
final class Signatures {

	private Signatures() {
	}

	static String hmacHex(String secret, String body) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}

	/** A token naming the person, that only the holder of the key could have made: {@code <base64url name>.<hmac>}. */
	static String unsubscribeToken(String key, String username) {
		var name = Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8));
		return name + "." + hmacHex(key, "unsubscribe:" + username);
	}

	/** The username of a genuine token. */
	static Optional<String> verifyUnsubscribe(String key, String token) {
		if (token == null) {
			return Optional.empty();
		}
		var dot = token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String username;
		try {
			username = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		var expected = hmacHex(key, "unsubscribe:" + username);
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				token.substring(dot + 1).getBytes(StandardCharsets.UTF_8)) ? Optional.of(username) : Optional.empty();
	}
}
