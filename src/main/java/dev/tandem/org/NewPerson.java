package dev.tandem.org;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person to create. Without a password they can only sign in through single sign-on. */
public record NewPerson(
		@NotBlank @Pattern(regexp = "^[A-Za-z0-9._@-]{2,64}$", message = "must be 2-64 letters, digits, dots, dashes, underscores or @") String username,
		@NotBlank @Size(max = 200) String displayName,
		@Email @Size(max = 254) String email,
		@NotNull Role role,
		@Size(max = 50) List<@NotBlank String> teams,
		@Size(min = 10, max = 200, message = "must be 10 to 200 characters long") String password) {
}
