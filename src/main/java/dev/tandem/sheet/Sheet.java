package dev.tandem.sheet;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What an export writes: a sheet's name and its columns, each a header and how to get the
 * cell from a row. A cell may be text, a number, a boolean, an {@link java.time.Instant}, a
 * {@link java.time.LocalDate}, an enum (written by name) or null (an empty cell).
 */
public final class Sheet<T> {

	private final String name;

	private final List<String> headers = new ArrayList<>();

	private final List<Function<? super T, ?>> cells = new ArrayList<>();

	private Sheet(String name) {
		this.name = name;
	}

	public static <T> Sheet<T> named(String name) {
		return new Sheet<>(name);
	}

	public Sheet<T> column(String header, Function<? super T, ?> cell) {
		headers.add(header);
		cells.add(cell);
		return this;
	}

	public String name() {
		return name;
	}

	public List<String> headers() {
		return List.copyOf(headers);
	}

	/** Starts the sheet on {@code out} with its header row; close the rows to finish the file. */
	public Rows<T> open(SheetFormat format, OutputStream out) {
		var writer = format == SheetFormat.CSV ? new CsvRows(out, headers) : new XlsxRows(out, name, headers);
		return new Rows<>(writer, cells);
	}

	/** Writes a whole sheet of the given rows. */
	public void write(SheetFormat format, OutputStream out, Iterable<? extends T> rows) {
		try (var open = open(format, out)) {
			rows.forEach(open::add);
		}
	}

	/** A sheet being written, a row at a time. */
	public static final class Rows<T> implements AutoCloseable {

		private final RowWriter writer;

		private final List<Function<? super T, ?>> cells;

		private Rows(RowWriter writer, List<Function<? super T, ?>> cells) {
			this.writer = writer;
			this.cells = cells;
		}

		public void add(T row) {
			var values = new Object[cells.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = cells.get(i).apply(row);
			}
			writer.row(values);
		}

		@Override
		public void close() {
			writer.close();
		}
	}

	/** One file format's way to write rows of cells. */
	interface RowWriter extends AutoCloseable {

		void row(Object[] cells);

		@Override
		void close();
	}
}
