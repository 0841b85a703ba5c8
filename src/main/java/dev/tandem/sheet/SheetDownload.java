package dev.tandem.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * An export as an HTTP response: the content type, a download's file name, and the rows written
 * straight to the response as they come, so that nothing holds the whole export.
 */
public final class SheetDownload {

	private SheetDownload() {
	}

	/** Starts the download of {@code sheet} as {@code fileName} plus the format's extension. */
	public static <T> Sheet.Rows<T> open(HttpServletResponse response, Sheet<T> sheet, SheetFormat format, String fileName) {
		response.setContentType(format.mediaType().toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(fileName + "." + format.extension(), StandardCharsets.UTF_8).build().toString());
		try {
			return sheet.open(format, response.getOutputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes a whole sheet of the given rows as a download. */
	public static <T> void write(HttpServletResponse response, Sheet<T> sheet, SheetFormat format, String fileName,
			Iterable<? extends T> rows) {
		try (var open = open(response, sheet, format, fileName)) {
			rows.forEach(open::add);
		}
	}

	/**
	 * The format an {@code Accept} header asks for, for a mapping that {@code produces} only the
	 * sheet types: XLSX when it prefers that, else CSV.
	 */
	public static SheetFormat accepted(String accept) {
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException e) {
			return SheetFormat.CSV;
		}
		return types.stream()
			.sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
			.filter(type -> !type.isWildcardType() && !type.isWildcardSubtype())
			.map(type -> SheetFormat.XLSX.mediaType().isCompatibleWith(type) ? SheetFormat.XLSX
					: SheetFormat.CSV.mediaType().isCompatibleWith(type) ? SheetFormat.CSV : null)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(SheetFormat.CSV);
	}
}
