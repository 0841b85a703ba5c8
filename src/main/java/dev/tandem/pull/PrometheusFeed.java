package dev.tandem.pull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;

import dev.tandem.kpi.Frequency;

/**
 * PromQL through Prometheus' HTTP API: an instant query at each run, and on a KPI's first run a
 * range query at the KPI's step (a day for a daily KPI) over the back-fill window. The
 * expression must come down to one series.
 */
@Component
class PrometheusFeed implements Feed {

	private final HttpSource http;
	private final PullSettings settings;

	PrometheusFeed(HttpSource http, PullSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	@Override
	public ConnectionKind kind() {
		return ConnectionKind.PROMETHEUS;
	}

	@Override
	public List<Fetched> fetch(Access access, PullSpec spec, Instant now, Instant backfillFrom) {
		if (backfillFrom != null) {
			var uri = uri(access, "/api/v1/query_range").queryParam("query", "{query}")
				.queryParam("start", seconds(backfillFrom))
				.queryParam("end", seconds(now))
				.queryParam("step", step(spec.frequency()).toSeconds() + "s")
				.build(spec.query());
			var points = range(data(http.get(access, uri, settings.readTimeout())));
			if (!points.isEmpty()) {
				return points;
			}
		}
		var uri = uri(access, "/api/v1/query").queryParam("query", "{query}").queryParam("time", seconds(now))
			.build(spec.query());
		return List.of(instant(data(http.get(access, uri, settings.readTimeout()))));
	}

	@Override
	public String test(Access access) {
		var uri = uri(access, "/api/v1/query").queryParam("query", "{query}").build("1");
		data(http.get(access, uri, settings.testTimeout()));
		return "Prometheus answered a query";
	}

	private static UriComponentsBuilder uri(Access access, String path) {
		var base = access.connection().url().replaceAll("/+$", "");
		return UriComponentsBuilder.fromUriString(base + path);
	}

	static Duration step(Frequency frequency) {
		return switch (frequency) {
			case DAILY -> Duration.ofDays(1);
			case WEEKLY -> Duration.ofDays(7);
			case MONTHLY -> Duration.ofDays(30);
			case QUARTERLY -> Duration.ofDays(91);
		};
	}

	private static JsonNode data(JsonNode answer) {
		if (!"success".equals(answer.path("status").asString(""))) {
			throw new FeedException("Prometheus refused the query: " + Quote.of(answer.path("error").asString("no reason given")));
		}
		return answer.path("data");
	}

	private static Fetched instant(JsonNode data) {
		var type = data.path("resultType").asString("");
		var result = data.path("result");
		if (type.equals("scalar")) {
			return finite(sample(result));
		}
		if (!type.equals("vector")) {
			throw new FeedException("the expression gives a " + type + ", not a single number; use an instant vector or scalar");
		}
		requireOne(result);
		return finite(sample(result.get(0).path("value")));
	}

	private static Fetched finite(Fetched sample) {
		if (!Double.isFinite(sample.value())) {
			throw new FeedException("the expression's value is " + sample.value() + ", not a finite number");
		}
		return sample;
	}

	private static List<Fetched> range(JsonNode data) {
		var result = data.path("result");
		if (result.isEmpty()) {
			return List.of();
		}
		requireOne(result);
		var points = new ArrayList<Fetched>();
		for (var pair : result.get(0).path("values")) {
			var point = sample(pair);
			if (Double.isFinite(point.value())) {
				points.add(point);
			}
		}
		return points;
	}

	private static void requireOne(JsonNode result) {
		if (result.isEmpty()) {
			throw new FeedException("the expression returned no series, so there is no value to record");
		}
		if (result.size() > 1) {
			throw new FeedException("the expression returns " + result.size() + " series; aggregate them into one "
					+ "(sum(...), avg(...))");
		}
	}

	private static Fetched sample(JsonNode pair) {
		if (!pair.isArray() || pair.size() != 2) {
			throw new FeedException("Prometheus gave no sample");
		}
		double at = pair.get(0).asDouble();
		var text = pair.get(1).asString("");
		double value;
		try {
			value = Double.parseDouble(text);
		}
		catch (NumberFormatException e) {
			throw new FeedException("the sample is not a number: " + Quote.of(text));
		}
		return new Fetched(Instant.ofEpochMilli(Math.round(at * 1000)), value);
	}

	private static String seconds(Instant at) {
		return Long.toString(at.getEpochSecond());
	}

}
