package dev.tandem.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How days and moments read on every module's pages, for templates and the messages pages
 * write: {@code ${@timeFormat.moment(change.at)}}. Moments are shown in the organisation's time
 * zone, the one its periods start in, whoever looks at them from wherever.
 */
@Component("timeFormat")
public class TimeFormat {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private final ZoneId zone;

	TimeFormat(ZoneId zone) {
		this.zone = zone;
	}

	/** "2 Mar 2026". */
	public String date(LocalDate date) {
		return date == null ? "–" : DAY.format(date);
	}

	/** "2 Mar 2026, 14:05" in the organisation's time zone. */
	public String moment(Instant at) {
		return at == null ? "–" : MOMENT.format(at.atZone(zone));
	}

	/** An instant as an HTML datetime attribute. */
	public String iso(Instant at) {
		return at == null ? null : at.toString();
	}
}
