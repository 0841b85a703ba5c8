package dev.tandem.kpi;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}, written straight into a
 * byte buffer and sent a megabyte at a time. Binary rows cost neither Java nor PostgreSQL any
 * text formatting or parsing of numbers and timestamps, which is most of what a text COPY of
 * measurements spends its time on.
 */
final class BinaryCopy {

	/** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
	private static final long PG_EPOCH_MICROS = 946_684_800L * 1_000_000L;

	/** Days from 1970-01-01 to 2000-01-01. */
	private static final int PG_EPOCH_DAYS = 10_957;

	private static final int FLUSH_AT = 1 << 20;

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0,
			0, 0, 0 };

	private final CopyIn copy;

	private final byte[] buffer = new byte[FLUSH_AT + 64 * 1024];

	private int length;

	BinaryCopy(CopyIn copy) {
		this.copy = copy;
		System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
		length = HEADER.length;
	}

	/** Starts a row of this many columns; flushes first when the buffer is nearly full. */
	BinaryCopy row(int columns) throws SQLException {
		if (length >= FLUSH_AT) {
			flush();
		}
		putShort(columns);
		return this;
	}

	BinaryCopy int8(long value) {
		putInt(8);
		putLong(value);
		return this;
	}

	BinaryCopy float8(double value) {
		putInt(8);
		putLong(Double.doubleToLongBits(value));
		return this;
	}

	BinaryCopy timestamptz(Instant at) {
		putInt(8);
		putLong(micros(at));
		return this;
	}

	/** A timestamp already in PostgreSQL's microseconds since 2000 (see {@link #micros}). */
	BinaryCopy timestamptz(long pgMicros) {
		putInt(8);
		putLong(pgMicros);
		return this;
	}

	BinaryCopy date(LocalDate day) {
		putInt(4);
		putInt((int) (day.toEpochDay() - PG_EPOCH_DAYS));
		return this;
	}

	/** Text as UTF-8, or NULL. */
	BinaryCopy text(String value) throws SQLException {
		if (value == null) {
			putInt(-1);
			return this;
		}
		return text(value.getBytes(StandardCharsets.UTF_8));
	}

	/** Text already encoded as UTF-8 (for a value repeated on every row). */
	BinaryCopy text(byte[] utf8) throws SQLException {
		if (length + 4 + utf8.length > buffer.length) {
			flush();
			if (4 + utf8.length > buffer.length) {
				putInt(utf8.length);
				flush();
				copy.writeToCopy(utf8, 0, utf8.length);
				return this;
			}
		}
		putInt(utf8.length);
		System.arraycopy(utf8, 0, buffer, length, utf8.length);
		length += utf8.length;
		return this;
	}

	/** Sends the trailer and ends the COPY; returns the rows PostgreSQL took. */
	long end() throws SQLException {
		putShort(-1);
		flush();
		return copy.endCopy();
	}

	/**
	 * PostgreSQL's microseconds since 2000-01-01 for an instant, rounded to the microsecond as
	 * PostgreSQL rounds a timestamp given as text.
	 */
	static long micros(Instant at) {
		return Math.multiplyExact(at.getEpochSecond(), 1_000_000L) + (at.getNano() + 500) / 1000 - PG_EPOCH_MICROS;
	}

	private void flush() throws SQLException {
		if (length > 0) {
			copy.writeToCopy(buffer, 0, length);
			length = 0;
		}
	}

	private void putShort(int value) {
		buffer[length++] = (byte) (value >>> 8);
		buffer[length++] = (byte) value;
	}

	private void putInt(int value) {
		buffer[length++] = (byte) (value >>> 24);
		buffer[length++] = (byte) (value >>> 16);
		buffer[length++] = (byte) (value >>> 8);
		buffer[length++] = (byte) value;
	}

	private void putLong(long value) {
		putInt((int) (value >>> 32));
		putInt((int) value);
	}
}
