package dev.tandem.sheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8 (CRLF between records, fields quoted when they must be), through
 * Apache Commons CSV. Text that a spreadsheet would take for a formula — starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return — gets a leading
 * {@code '}, so that opening an export never runs what someone typed into a note. Numbers are
 * written as numbers and not prefixed: {@code -5} is a negative number to every spreadsheet,
 * never a formula, and prefixing it would turn it into text.
 */
final class CsvRows implements Sheet.RowWriter {

	private final CSVPrinter printer;

	CsvRows(OutputStream out, List<String> headers) {
		var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		try {
			printer = new CSVPrinter(writer, CSVFormat.RFC4180);
			for (var header : headers) {
				printer.print(neutralised(header));
			}
			printer.println();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void row(Object[] cells) {
		try {
			for (var cell : cells) {
				printer.print(text(cell));
			}
			printer.println();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			printer.close(true);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String text(Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof Double d) {
			return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : d.toString();
		}
		if (cell instanceof Float f) {
			return text(f.doubleValue());
		}
		if (cell instanceof Number || cell instanceof Boolean) {
			return cell.toString();
		}
		if (cell instanceof Enum<?> e) {
			return e.name();
		}
		return neutralised(cell.toString());
	}

	/** Text a spreadsheet would evaluate gets a leading apostrophe, which shows it is text. */
	static String neutralised(String text) {
		if (text.isEmpty()) {
			return text;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
			default -> text;
		};
	}
}
