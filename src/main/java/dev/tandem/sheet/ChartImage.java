package dev.tandem.sheet;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;

/**
 * A series drawn on the server, for a PDF: a line of the values, a dashed line at the target,
 * shaded periods (a cycle's weeks), as a PNG data URI for an {@code <img>}. It carries no text:
 * the report states the values and labels beside it, and no font has to be found on the server.
 */
public final class ChartImage {

	private static final int WIDTH = 1200;

	private static final int HEIGHT = 420;

	private static final int PAD = 24;

	private ChartImage() {
	}

	/** {@code shaded} marks which points to shade (null for none); null values leave a gap. */
	public static String dataUri(List<Double> values, Double target, List<Boolean> shaded) {
		var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		try {
			draw(g, values, target, shaded);
		}
		finally {
			g.dispose();
		}
		var png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
	}

	private static void draw(Graphics2D g, List<Double> values, Double target, List<Boolean> shaded) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, HEIGHT);
		var known = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
		double min = target == null ? Double.MAX_VALUE : target, max = target == null ? -Double.MAX_VALUE : target;
		for (var v : known) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		if (known.length == 0 && target == null) {
			return;
		}
		double span = max - min == 0 ? Math.max(1, Math.abs(max)) : max - min;
		min -= span * 0.1;
		max += span * 0.1;
		int n = Math.max(values.size(), 1);
		double step = (WIDTH - 2.0 * PAD) / Math.max(n - 1, 1);
		if (shaded != null) {
			g.setColor(new Color(0xE8EEF7));
			for (int i = 0; i < shaded.size() && i < n; i++) {
				if (Boolean.TRUE.equals(shaded.get(i))) {
					g.fillRect((int) (PAD + i * step - step / 2), PAD, (int) Math.ceil(step), HEIGHT - 2 * PAD);
				}
			}
		}
		g.setColor(new Color(0x999999));
		g.setStroke(new BasicStroke(2));
		g.drawLine(PAD, HEIGHT - PAD, WIDTH - PAD, HEIGHT - PAD);
		if (target != null) {
			g.setColor(new Color(0x1B7F3B));
			g.setStroke(new BasicStroke(3, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 14, 10 }, 0));
			int y = y(target, min, max);
			g.drawLine(PAD, y, WIDTH - PAD, y);
		}
		g.setColor(new Color(0x1F5FAD));
		g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		var line = new Path2D.Double();
		boolean drawing = false;
		for (int i = 0; i < values.size(); i++) {
			var v = values.get(i);
			if (v == null) {
				drawing = false;
				continue;
			}
			double x = PAD + i * step;
			if (drawing) {
				line.lineTo(x, y(v, min, max));
			}
			else {
				line.moveTo(x, y(v, min, max));
				drawing = true;
			}
			g.fillOval((int) x - 6, y(v, min, max) - 6, 12, 12);
		}
		g.draw(line);
	}

	private static int y(double value, double min, double max) {
		return (int) Math.round(HEIGHT - PAD - (value - min) / (max - min) * (HEIGHT - 2.0 * PAD));
	}
}
