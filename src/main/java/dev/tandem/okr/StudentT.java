package dev.tandem.okr;

/**
 * Student's t distribution, for prediction intervals and probabilities from a handful of
 * points: the normal distribution would be overconfident with few degrees of freedom. The CDF
 * comes from the regularised incomplete beta function (continued fraction, as in Numerical
 * Recipes); quantiles by bisection on it.
 */
final class StudentT {

	private static final double[] LANCZOS = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028,
			771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
			9.9843695780195716e-6, 1.5056327351493116e-7 };

	private StudentT() {
	}

	/** P(T ≤ t) for T with {@code df} degrees of freedom. */
	static double cdf(double t, double df) {
		if (Double.isNaN(t)) {
			return Double.NaN;
		}
		if (Double.isInfinite(t)) {
			return t > 0 ? 1 : 0;
		}
		double tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
		return t >= 0 ? 1 - tail : tail;
	}

	/** The t with P(T ≤ t) = p. */
	static double quantile(double p, double df) {
		if (p <= 0 || p >= 1) {
			throw new IllegalArgumentException("p must lie strictly between 0 and 1");
		}
		if (p < 0.5) {
			return -quantile(1 - p, df);
		}
		double low = 0;
		double high = 1;
		while (cdf(high, df) < p) {
			high *= 2;
		}
		for (int i = 0; i < 100 && high - low > 1e-12; i++) {
			double mid = (low + high) / 2;
			if (cdf(mid, df) < p) {
				low = mid;
			}
			else {
				high = mid;
			}
		}
		return (low + high) / 2;
	}

	static double incompleteBeta(double x, double a, double b) {
		if (x <= 0) {
			return 0;
		}
		if (x >= 1) {
			return 1;
		}
		double front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
		if (x < (a + 1) / (a + b + 2)) {
			return front * continuedFraction(x, a, b) / a;
		}
		return 1 - front * continuedFraction(1 - x, b, a) / b;
	}

	private static double continuedFraction(double x, double a, double b) {
		final double tiny = 1e-300;
		double c = 1;
		double d = 1 - (a + b) * x / (a + 1);
		d = 1 / (Math.abs(d) < tiny ? tiny : d);
		double h = d;
		for (int m = 1; m <= 300; m++) {
			int m2 = 2 * m;
			double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
			d = 1 / nonZero(1 + aa * d, tiny);
			c = nonZero(1 + aa / c, tiny);
			h *= d * c;
			aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
			d = 1 / nonZero(1 + aa * d, tiny);
			c = nonZero(1 + aa / c, tiny);
			double step = d * c;
			h *= step;
			if (Math.abs(step - 1) < 1e-15) {
				break;
			}
		}
		return h;
	}

	private static double nonZero(double value, double tiny) {
		return Math.abs(value) < tiny ? tiny : value;
	}

	static double lnGamma(double x) {
		if (x < 0.5) {
			return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
		}
		x -= 1;
		double sum = LANCZOS[0];
		double t = x + 7.5;
		for (int i = 1; i < LANCZOS.length; i++) {
			sum += LANCZOS[i] / (x + i);
		}
		return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
	}
}
