package dev.tandem.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A team to create; {@code parentKey} places it in the tree. */
public record NewTeam(
		@NotBlank @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String key,
		@NotBlank @Size(max = 200) String name,
		@Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String parentKey) {
}
