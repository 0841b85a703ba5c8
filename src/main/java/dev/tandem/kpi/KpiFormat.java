package dev.tandem.kpi;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How KPI numbers, units, trends and periods read on a page, for every module that shows a KPI
 * (the OKR charts, the home page) and for templates: {@code ${T(dev.tandem.kpi.KpiFormat).value(kpi.health.value, kpi)}}.
 * Numbers keep up to two decimals and drop trailing zeros. Days and moments are the
 * organisation's: {@link dev.tandem.org.TimeFormat}.
 */
public final class KpiFormat {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

	private KpiFormat() {
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
}
