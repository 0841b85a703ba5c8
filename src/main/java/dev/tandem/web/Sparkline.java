package dev.tandem.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A tile's small trend line as the points of an SVG polyline in a 100 × 30 box, drawn on the
 * server: no script, nothing for the content security policy to refuse, and it is there on
 * the first paint. A flat series is drawn across the middle.
 */
public record Sparkline(String points, int count) {

	static final double WIDTH = 100;

	static final double HEIGHT = 30;

	/** Keeps the stroke inside the box at the top and bottom. */
	private static final double PAD = 2;

	static Sparkline of(List<Double> values) {
		var present = values.stream().filter(Objects::nonNull).toList();
		if (present.size() < 2) {
			return new Sparkline("", present.size());
		}
		double min = present.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		double max = present.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		double step = WIDTH / (present.size() - 1);
		var points = IntStream.range(0, present.size())
			.mapToObj(i -> String.format(Locale.ROOT, "%.1f,%.1f", i * step, y(present.get(i), min, max)))
			.collect(Collectors.joining(" "));
		return new Sparkline(points, present.size());
	}

	private static double y(double value, double min, double max) {
		if (max == min) {
			return HEIGHT / 2;
		}
		return PAD + (HEIGHT - 2 * PAD) * (max - value) / (max - min);
	}

	public boolean isDrawable() {
		return count >= 2;
	}
}
