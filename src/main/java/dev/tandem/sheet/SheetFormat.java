package dev.tandem.sheet;

import java.util.Locale;

import org.springframework.http.MediaType;

import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.Quoted;

/** The spreadsheet formats an export can be written in. */
public enum SheetFormat {

	CSV("text/csv", "csv"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	/** For {@code produces} on a mapping: what {@code Accept: text/csv} selects. */
	public static final String CSV_MEDIA_TYPE = "text/csv";

	public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final String mediaType;

	private final String extension;

	SheetFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	/** The content type of the response; CSV is always UTF-8. */
	public MediaType mediaType() {
		return this == CSV ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
				: MediaType.parseMediaType(mediaType);
	}

	public String extension() {
		return extension;
	}

	/** The value of a {@code format} request parameter: {@code csv} or {@code xlsx}, in any case. */
	public static SheetFormat of(String format) {
		var name = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
		for (var f : values()) {
			if (f.extension.equals(name)) {
				return f;
			}
		}
		throw new InvalidInputException("format", "must be csv or xlsx, not " + Quoted.of(format)
				+ " (or leave it out and send Accept: text/csv or application/json)");
	}
}
