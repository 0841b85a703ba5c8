package dev.tandem.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.Quoted;

/**
 * Reads an uploaded file as a {@link SheetTable}: XLSX when it is a zip (by its first bytes,
 * whatever it is called), else CSV — comma, semicolon or tab separated, UTF-8 with or without
 * a byte order mark, the charset its Content-Type names, or Windows-1252 when it is not valid
 * UTF-8 (what Excel writes as "CSV" on Windows). Anything else is refused with 415, a file
 * beyond {@link #MAX_BYTES} or with more than {@link #MAX_ROWS} rows with 413, before it is
 * held whole.
 */
public final class SheetReader {

	/** Imports are plans, not time series: ten thousand rows is far beyond any organisation's OKRs. */
	public static final int MAX_ROWS = 10_000;

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private SheetReader() {
	}

	public static SheetTable read(InputStream in, String contentType) {
		byte[] bytes;
		try {
			bytes = in.readNBytes(MAX_BYTES + 1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (bytes.length > MAX_BYTES) {
			throw refused(HttpStatus.CONTENT_TOO_LARGE, "File too large", "The file is larger than " + (MAX_BYTES >> 20)
					+ " MB; split it into smaller files.");
		}
		return read(bytes, contentType);
	}

	static SheetTable read(byte[] bytes, String contentType) {
		if (bytes.length == 0 || new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1).isBlank()) {
			throw new InvalidInputException("file", "is empty; send a CSV or XLSX file with a header row and one row per line");
		}
		if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
			return XlsxSheet.read(bytes);
		}
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
			throw unsupported("This is an old Excel (.xls) or other OLE file; save it as .xlsx or CSV and upload that.");
		}
		return csv(decode(bytes, contentType));
	}

	static ErrorResponseException refused(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

	private static ErrorResponseException unsupported(String detail) {
		return refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file", detail);
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** The file's text; a byte order mark wins over the Content-Type, which wins over guessing. */
	static String decode(byte[] bytes, String contentType) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return strict(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8);
		}
		if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
			return strict(bytes, StandardCharsets.UTF_16).replace("\uFEFF", "");
		}
		for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
			if (bytes[i] == 0) {
				throw unsupported("The file is neither CSV nor XLSX (it holds binary data); upload a .csv or .xlsx file.");
			}
		}
		var named = charset(contentType);
		if (named != null) {
			return strict(bytes, named);
		}
		try {
			return decoder(bytes, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException notUtf8) {
			return strict(bytes, Charset.forName("windows-1252"));
		}
	}

	private static Charset charset(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType).getCharset();
		}
		catch (InvalidMediaTypeException | UnsupportedCharsetException | IllegalCharsetNameException e) {
			throw new InvalidInputException("Content-Type", Quoted.of(contentType) + " is not a media type with a charset "
					+ "Tandem knows; send UTF-8, or name ISO-8859-1 or windows-1252");
		}
	}

	private static String strict(byte[] bytes, Charset charset) {
		try {
			return decoder(bytes, charset);
		}
		catch (CharacterCodingException e) {
			throw new InvalidInputException("file", "holds bytes that are not valid " + charset.displayName()
					+ "; save it as UTF-8 CSV (or XLSX) and upload it again");
		}
	}

	private static String decoder(byte[] bytes, Charset charset) throws CharacterCodingException {
		return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
	}

	/** Commons CSV reads the records; the separator is whichever of , ; and tab the first line uses most. */
	static SheetTable csv(String text) {
		// blank lines are records too (skipped below): a record's position is then where its own line starts
		var format = CSVFormat.RFC4180.builder().setDelimiter(separator(text)).setIgnoreEmptyLines(false).get();
		var lines = new LineIndex(text);
		List<String> header = null;
		var rows = new ArrayList<SheetTable.Row>();
		try (var parser = CSVParser.parse(new StringReader(text), format)) {
			for (CSVRecord record : parser) {
				var cells = record.toList();
				int line = lines.lineAt(record.getCharacterPosition());
				if (header == null) {
					if (cells.stream().allMatch(String::isBlank)) {
						continue;
					}
					header = cells;
					continue;
				}
				var row = new SheetTable.Row(line, cells);
				if (row.blank()) {
					continue;
				}
				if (rows.size() == MAX_ROWS) {
					throw tooManyRows();
				}
				rows.add(row);
			}
		}
		catch (IOException | UncheckedIOException e) {
			throw new InvalidInputException("file", "is not valid CSV: a quoted field is never closed (inside a quoted "
					+ "field, write a quote as two quotes)");
		}
		if (header == null) {
			throw new InvalidInputException("file", "is empty; send a CSV or XLSX file with a header row and one row per line");
		}
		return new SheetTable(header, rows, "CSV");
	}

	static ErrorResponseException tooManyRows() {
		return refused(HttpStatus.CONTENT_TOO_LARGE, "Too many rows", "The file has more than " + MAX_ROWS
				+ " rows; an import takes at most " + MAX_ROWS + ": split it into several files.");
	}

	private static char separator(String text) {
		int end = text.indexOf('\n');
		var first = end < 0 ? text : text.substring(0, end);
		char best = ',';
		long most = first.chars().filter(c -> c == ',').count();
		for (char candidate : new char[] { ';', '\t' }) {
			long count = first.chars().filter(c -> c == candidate).count();
			if (count > most) {
				most = count;
				best = candidate;
			}
		}
		return best;
	}

	/** The line (from 1) of a character position, by the positions of the line breaks. */
	private static final class LineIndex {

		private final int[] breaks;

		LineIndex(String text) {
			var found = new ArrayList<Integer>();
			for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
				found.add(i);
			}
			breaks = found.stream().mapToInt(Integer::intValue).toArray();
		}

		int lineAt(long position) {
			int index = Arrays.binarySearch(breaks, (int) position);
			return (index >= 0 ? index : -index - 1) + 1;
		}
	}
}
