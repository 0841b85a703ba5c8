package dev.tandem.okr;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One change of an objective or key result: when, who, which field, from what, to what. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OkrChange(Instant at, String by, Long keyResultId, String field, String from, String to) {
}
