package dev.tandem.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.Quoted;

/**
 * The text of an uploaded file, decoded honestly: in the charset the request names
 * ({@code text/csv; charset=windows-1252}), else UTF-8, and bytes that are not valid in it are
 * refused with the line and column where they stand — never replaced by U+FFFD and recorded as
 * if they were what the person sent. A UTF-8 byte order mark is decoded as U+FEFF, which the
 * parser skips.
 */
public final class CsvText {

	private CsvText() {
	}

	/** A reader of the body in the charset of the given content type (null or without one: UTF-8). */
	public static Reader reader(InputStream body, String contentType) {
		return reader(body, charset(contentType));
	}

	static Charset charset(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return StandardCharsets.UTF_8;
		}
		try {
			var charset = MediaType.parseMediaType(contentType).getCharset();
			return charset == null ? StandardCharsets.UTF_8 : charset;
		}
		catch (InvalidMediaTypeException | UnsupportedCharsetException | IllegalCharsetNameException e) {
			throw new InvalidInputException("Content-Type", Quoted.of(contentType) + " is not a media type with a charset "
					+ "Tandem knows; send UTF-8, or name ISO-8859-1 or windows-1252");
		}
	}

	static Reader reader(InputStream body, Charset charset) {
		return new Positioned(body, charset);
	}

	/**
	 * Decodes with a decoder that reports bad bytes, handing on what came before them first, and
	 * counts lines and columns of what it hands on, to say where an undecodable byte stands.
	 */
	private static final class Positioned extends Reader {

		private final InputStream in;
		private final Charset charset;
		private final CharsetDecoder decoder;
		private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
		private final CharBuffer chars = CharBuffer.allocate(8192).flip();
		private boolean eof;
		private boolean needBytes = true;
		private boolean malformed;
		private long line = 1;
		private long column = 1;

		Positioned(InputStream in, Charset charset) {
			this.in = in;
			this.charset = charset;
			this.decoder = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (!chars.hasRemaining() && !fill()) {
				return -1;
			}
			int n = Math.min(length, chars.remaining());
			chars.get(buffer, offset, n);
			for (int i = offset; i < offset + n; i++) {
				if (buffer[i] == '\n') {
					line++;
					column = 1;
				}
				else {
					column++;
				}
			}
			return n;
		}

		/** Decodes the next characters; false at the end. A bad byte is reported once all before it are read. */
		private boolean fill() throws IOException {
			chars.clear();
			while (chars.position() == 0) {
				if (malformed) {
					throw new InvalidInputException("line " + line, "column " + column + " holds bytes that are not valid "
							+ charset.displayName() + (charset.equals(StandardCharsets.UTF_8)
									? "; save the file as UTF-8, or name its charset (text/csv; charset=windows-1252)"
									: "; name the file's real charset in the Content-Type"));
				}
				if (needBytes) {
					if (eof) {
						break;
					}
					bytes.compact();
					int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
					if (n < 0) {
						eof = true;
					}
					else {
						bytes.position(bytes.position() + n);
					}
					bytes.flip();
				}
				var result = decoder.decode(bytes, chars, eof);
				malformed = result.isError();
				needBytes = result.isUnderflow();
			}
			chars.flip();
			return chars.hasRemaining();
		}

		@Override
		public void close() throws IOException {
			in.close();
		}
	}
}
