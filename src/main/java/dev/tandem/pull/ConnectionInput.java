package dev.tandem.pull;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A connection as the API takes it. {@code secret} is a password (SQL, or with a username basic
 * auth), a bearer token (without a username) or, with {@code secretHeader}, the value of that
 * HTTP header. On an update a missing secret keeps the stored one and an empty one removes it.
 */
record ConnectionInput(@NotBlank @Size(max = 50) String name, @NotNull ConnectionKind kind,
		@NotBlank @Size(max = 2000) String url, @Size(max = 200) String username, @Size(max = 2000) String secret,
		@Size(max = 20) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 1000) String> headers,
		@Size(max = 100) String secretHeader) {

	@Override
	public String toString() {
		// never the secret, whoever logs the input
		return "ConnectionInput[name=" + name + ", kind=" + kind + ", url=" + url + ", username=" + username
				+ ", secret=" + (secret == null ? "none" : "***") + ", headers=" + headers + ", secretHeader="
				+ secretHeader + "]";
	}
}
