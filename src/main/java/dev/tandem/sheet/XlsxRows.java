package dev.tandem.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through Apache POI's streaming workbook: only the last {@value #WINDOW} rows are held in
 * memory, the rest go to a compressed temporary file until the workbook is written out, so an
 * export of millions of measurements needs no more heap than one of a hundred. Numbers are
 * numeric cells, instants date-time cells in UTC and dates date cells. A sheet holds at most
 * 1,048,576 rows; longer exports go on in further sheets ("Measurements (2)", …), each with the
 * header row.
 */
final class XlsxRows implements Sheet.RowWriter {

	private static final int WINDOW = 100;

	private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

	private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	private final OutputStream out;

	private final SXSSFWorkbook workbook;

	private final String name;

	private final List<String> headers;

	private final CellStyle headerStyle;

	private final CellStyle instantStyle;

	private final CellStyle dateStyle;

	private SXSSFSheet sheet;

	private int sheets;

	private int next;

	XlsxRows(OutputStream out, String name, List<String> headers) {
		this.out = out;
		this.name = name;
		this.headers = headers;
		workbook = new SXSSFWorkbook(WINDOW);
		workbook.setCompressTempFiles(true);
		var format = workbook.getCreationHelper().createDataFormat();
		headerStyle = workbook.createCellStyle();
		var bold = workbook.createFont();
		bold.setBold(true);
		headerStyle.setFont(bold);
		instantStyle = workbook.createCellStyle();
		instantStyle.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
		dateStyle = workbook.createCellStyle();
		dateStyle.setDataFormat(format.getFormat("yyyy-mm-dd"));
		startSheet();
	}

	private void startSheet() {
		sheets++;
		var title = sheets == 1 ? name : name + " (" + sheets + ")";
		sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(title));
		var row = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			var cell = row.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(headerStyle);
		}
		sheet.createFreezePane(0, 1);
		next = 1;
	}

	@Override
	public void row(Object[] cells) {
		if (next == MAX_ROWS) {
			startSheet();
		}
		Row row = sheet.createRow(next++);
		for (int i = 0; i < cells.length; i++) {
			if (cells[i] != null) {
				set(row.createCell(i), cells[i]);
			}
		}
	}

	private void set(Cell cell, Object value) {
		if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
			cell.setCellValue(n.doubleValue());
		}
		else if (value instanceof Boolean b) {
			cell.setCellValue(b);
		}
		else if (value instanceof Instant at) {
			cell.setCellValue(at.atOffset(ZoneOffset.UTC).toLocalDateTime());
			cell.setCellStyle(instantStyle);
		}
		else if (value instanceof LocalDate date) {
			cell.setCellValue(date);
			cell.setCellStyle(dateStyle);
		}
		else if (value instanceof Enum<?> e) {
			cell.setCellValue(e.name());
		}
		else {
			cell.setCellValue(text(value.toString()));
		}
	}

	/** A cell holds at most 32,767 characters; a longer text (an audit snapshot) is cut with an ellipsis. */
	private static String text(String text) {
		return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
	}

	@Override
	public void close() {
		try {
			workbook.write(out);
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			closeQuietly();
		}
	}

	/** Closing removes the temporary files; a failure there must not hide the one that matters. */
	private void closeQuietly() {
		try {
			workbook.close();
		}
		catch (IOException e) {
			org.slf4j.LoggerFactory.getLogger(XlsxRows.class).warn("Could not remove a spreadsheet's temporary files", e);
		}
	}
}
