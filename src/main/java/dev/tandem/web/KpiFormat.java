package dev.tandem.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.tandem.kpi.Frequency;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Trend;
import dev.tandem.kpi.Unit;

/**
 * How KPI numbers, units, trends and times read on a page, for templates:
 * {@code ${@kpiFormat.value(kpi.health.value, kpi)}}. Numbers keep up to two decimals and drop
 * trailing zeros; times are shown in the organisation's time zone.
 */
@Component("kpiFormat")
public class KpiFormat {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private final ZoneId zone;

	KpiFormat(ZoneId zone) {
		this.zone = zone;
	}

	public static String number(Double value) {
		if (value == null) {
			return "–";
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		var digits = Math.abs(value) < 1 ? "%,.3f" : "%,.2f";
		return String.format(Locale.ROOT, digits, value).replaceAll("0+$", "").replaceAll("\\.$", "");
	}

	/** The unit written after a value: "%", a currency code, or nothing for plain counts and scores. */
	public static String unit(KpiView kpi) {
		return kpi.unit() == Unit.PERCENT ? "%" : kpi.unit() == Unit.CURRENCY && kpi.currency() != null ? kpi.currency() : "";
	}

	public static String value(Double value, KpiView kpi) {
		var unit = unit(kpi);
		return value == null || unit.isEmpty() ? number(value) : number(value) + " " + unit;
	}

	public static String words(Enum<?> value) {
		if (value == null) {
			return "–";
		}
		if (value.name().equals("API") || value.name().equals("CSV")) {
			return value.name();
		}
		var text = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** An arrow for a trend, read with respect to the KPI's direction: up is better, whichever way the number moved. */
	public static String arrow(Trend trend) {
		return trend == Trend.IMPROVING ? "↗" : trend == Trend.WORSENING ? "↘" : "→";
	}

	public static String period(Frequency frequency) {
		return switch (frequency) {
			case DAILY -> "day";
			case WEEKLY -> "week";
			case MONTHLY -> "month";
			case QUARTERLY -> "quarter";
		};
	}

	/** A period's start as its chart label: "Mar 2026" for months and quarters, "2 Mar 2026" for days and weeks. */
	public static String periodLabel(LocalDate start, Frequency frequency) {
		return switch (frequency) {
			case DAILY, WEEKLY -> DAY.format(start);
			case MONTHLY -> MONTH.format(start);
			case QUARTERLY -> "Q" + ((start.getMonthValue() - 1) / 3 + 1) + " " + start.getYear();
		};
	}

	public String date(LocalDate date) {
		return date == null ? "–" : DAY.format(date);
	}

	public String moment(Instant at) {
		return at == null ? "–" : MOMENT.format(at.atZone(zone));
	}

	/** An instant as an HTML datetime attribute. */
	public String iso(Instant at) {
		return at == null ? null : at.toString();
	}
}
