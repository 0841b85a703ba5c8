package dev.tandem.loop;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.Unit;
import dev.tandem.org.Slugs;

/**
 * Optional choices when accepting a graduation of a metric that is not yet a KPI: the new KPI's
 * key, name, unit and frequency. Left out, they come from the key result (key from its title,
 * unit PERCENT for "%" and COUNT otherwise, MONTHLY). Ignored for a KPI's graduation.
 */
record GraduationAcceptance(@Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String key,
		@Size(max = 200) String name, Unit unit, Frequency frequency) {

	static final GraduationAcceptance DEFAULTS = new GraduationAcceptance(null, null, null, null);
}
