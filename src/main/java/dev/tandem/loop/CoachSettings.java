package dev.tandem.loop;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coach's limits, configurable as {@code tandem.coach.*} (environment: {@code TANDEM_COACH_…}).
 * The defaults follow the seeds: three objectives a team, five key results an objective, a
 * handful of KPIs a team, a target within 5 % of its baseline is business as usual, fourteen
 * days without a check-in is set-and-forget, scoring 0.95 or more three cycles running is
 * sandbagging; a key result is due a check-in seven days after its last one ("what I owe").
 */
@ConfigurationProperties("tandem.coach")
public record CoachSettings(@DefaultValue("3") int maxObjectivesPerTeam, @DefaultValue("5") int maxKeyResults,
		@DefaultValue("7") int maxKpisPerTeam, @DefaultValue("5") double businessAsUsualPercent,
		@DefaultValue("14") int setAndForgetDays, @DefaultValue("0.95") double sandbaggingScore,
		@DefaultValue("3") int sandbaggingCycles, @DefaultValue("7") int checkInDays) {

	public static final CoachSettings DEFAULTS = new CoachSettings(3, 5, 7, 5, 14, 0.95, 3, 7);
}
