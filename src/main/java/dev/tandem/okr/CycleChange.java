package dev.tandem.okr;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A cycle's new name and dates (the end inclusive), as PUT takes them. {@code version} (or an
 * If-Match header) guards against overwriting someone else's edit.
 */
public record CycleChange(@NotBlank @Size(max = 100) String name, @NotNull LocalDate start, @NotNull LocalDate end,
		Long version) {
}
