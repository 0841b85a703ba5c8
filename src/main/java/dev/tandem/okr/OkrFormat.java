package dev.tandem.okr;

import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.tandem.kpi.KpiFormat;

/**
 * How OKR numbers read on a page, for templates: {@code ${@okrFormat.score(o.score)}}. Scores
 * are shown as 0.00–1.00 (the OKR convention), raw progress as a percentage, values with their
 * key result's unit.
 */
@Component("okrFormat")
public class OkrFormat {

	public static String score(Double score) {
		return score == null ? "–" : String.format(Locale.ROOT, "%.2f", score);
	}

	public static String percent(Double progress) {
		return progress == null ? "–" : String.format(Locale.ROOT, "%.0f %%", progress * 100);
	}

	/** A value with its unit: "53 %", "7.5 s", "150". */
	public static String value(Double value, String unit) {
		if (value == null) {
			return "–";
		}
		var number = KpiFormat.number(value);
		// a KPI-linked key result takes its KPI's unit kind (percent, duration, …), which is no suffix but percent
		if (unit == null || unit.isBlank() || java.util.Set.of("count", "score", "ratio", "duration", "currency")
			.contains(unit.toLowerCase(Locale.ROOT))) {
			return number;
		}
		return number + " " + (unit.equalsIgnoreCase("percent") ? "%" : unit);
	}

	/** A unit as a label reads it: "%" for percent, nothing for a KPI's unit kind that has no symbol. */
	public static String unit(String unit) {
		var shown = value(0.0, unit);
		return shown.equals("0") ? "" : shown.substring(2);
	}

	/** The colour class of a score, in the badge vocabulary (green, amber, red); none without a score. */
	public static String colour(ScoreColour colour) {
		if (colour == null) {
			return "no_data";
		}
		return switch (colour) {
			case GREEN -> "green";
			case YELLOW -> "amber";
			case RED -> "red";
		};
	}

	/** "7 · Likely" for a confidence, "–" for none. */
	public static String confidence(Integer level, java.util.List<ConfidenceLevel> rubric) {
		if (level == null) {
			return "–";
		}
		return rubric.stream().filter(l -> l.level() == level).findFirst().map(l -> level + " · " + l.label())
			.orElse(String.valueOf(level));
	}

	/** "1 key result", "3 key results": a count with its noun, in English's regular plural. */
	public static String count(long n, String thing) {
		return n + " " + thing + (n == 1 ? "" : "s");
	}
}
