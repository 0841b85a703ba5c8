package dev.tandem.imports;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.http.HttpStatus;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import dev.tandem.problem.InvalidInputException;

/**
 * The first sheet of an XLSX file, streamed (Apache POI's event API: no workbook in memory),
 * stopped at {@link SheetReader#MAX_ROWS}. A formula cell is read as its cached value — what
 * the spreadsheet last showed — never evaluated; dates come as ISO dates and numbers as plain
 * decimals, whatever their display format. A zip whose entries inflate more than a hundredfold,
 * or beyond {@link #MAX_ENTRY_BYTES}, is refused as the zip bomb it is.
 */
final class XlsxSheet {

	static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;

	static {
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
	}

	private XlsxSheet() {
	}

	static SheetTable read(byte[] bytes) {
		File file = null;
		try {
			file = Files.createTempFile("tandem-import", ".xlsx").toFile();
			Files.write(file.toPath(), bytes);
			try (var pkg = OPCPackage.open(file, PackageAccess.READ)) {
				return firstSheet(pkg);
			}
		}
		catch (TooManyRows e) {
			throw SheetReader.tooManyRows();
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
			if (e instanceof InvalidInputException || e instanceof org.springframework.web.ErrorResponseException) {
				throw (RuntimeException) e;
			}
			if (mentionsZipBomb(e)) {
				throw SheetReader.refused(HttpStatus.CONTENT_TOO_LARGE, "File refused", "The XLSX file inflates far "
						+ "beyond its size, as a zip bomb does; save the sheet again from your spreadsheet, or as CSV.");
			}
			throw SheetReader.refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file",
					"The file is a zip but not a readable XLSX workbook; save it from your spreadsheet as .xlsx or CSV.");
		}
		finally {
			if (file != null) {
				file.delete();
			}
		}
	}

	private static boolean mentionsZipBomb(Throwable e) {
		for (var cause = e; cause != null; cause = cause.getCause()) {
			var message = cause.getMessage();
			if (message != null && (message.contains("Zip bomb") || message.contains("exceeds the max entry size")
					|| message.contains("MaxEntrySize") || message.contains("inflate ratio"))) {
				return true;
			}
		}
		return false;
	}

	private static SheetTable firstSheet(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException,
			ParserConfigurationException {
		var reader = new XSSFReader(pkg);
		var strings = new ReadOnlySharedStringsTable(pkg);
		var sheets = reader.getSheetsData();
		if (!sheets.hasNext()) {
			throw new InvalidInputException("file", "is a workbook without sheets");
		}
		var collector = new Collector();
		try (var sheet = sheets.next()) {
			var xml = XMLHelper.newXMLReader();
			xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
					new IsoFormatter(), false));
			xml.parse(new InputSource(sheet));
		}
		if (collector.header == null) {
			throw new InvalidInputException("file", "is empty; send a CSV or XLSX file with a header row and one row per line");
		}
		return new SheetTable(collector.header, collector.rows, "XLSX");
	}

	private static final class TooManyRows extends RuntimeException {

		TooManyRows() {
			super(null, null, false, false);
		}
	}

	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		List<String> header;
		final List<SheetTable.Row> rows = new ArrayList<>();
		private List<String> cells;
		private int rowNumber;

		@Override
		public void startRow(int rowNum) {
			rowNumber = rowNum + 1;
			cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			var row = new SheetTable.Row(rowNumber, cells);
			if (row.blank()) {
				return;
			}
			if (header == null) {
				header = cells;
				return;
			}
			if (rows.size() == SheetReader.MAX_ROWS) {
				throw new TooManyRows();
			}
			rows.add(row);
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? cells.size() : new CellReference(reference).getCol();
			while (cells.size() < column) {
				cells.add("");
			}
			cells.add(value == null ? "" : value);
		}
	}

	/** Dates as 2026-01-15, numbers as 12.5 (not "12.50 %" or "1/15/26"), text as it is. */
	private static final class IsoFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				var date = DateUtil.getLocalDateTime(value, use1904Windowing);
				return date.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
						? date.toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
						: date.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
			}
			return NumberToTextConverter.toText(value);
		}
	}
}
