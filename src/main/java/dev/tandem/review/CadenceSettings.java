package dev.tandem.review;

import java.time.DayOfWeek;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the cadence jobs send, as {@code tandem.cadence.*}: the weekly check-in reminder on
 * {@code reminderDay} from {@code reminderHour}, the digests from {@code digestHour} (weekly ones
 * on {@code digestDay}), all in the organisation's zone; {@code baseUrl} is how links in e-mails
 * reach Tandem.
 */
@ConfigurationProperties("tandem.cadence")
record CadenceSettings(@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("MONDAY") DayOfWeek reminderDay, @DefaultValue("9") int reminderHour,
		@DefaultValue("MONDAY") DayOfWeek digestDay, @DefaultValue("8") int digestHour) {

	String link(String path) {
		return baseUrl.replaceAll("/+$", "") + path;
	}
}
