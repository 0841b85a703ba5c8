package dev.tandem.imports;

import java.util.List;

/**
 * A spreadsheet read as text: its header row and the rows under it, each with the number a
 * person sees in their spreadsheet (the CSV line it starts on, the XLSX row number).
 */
public record SheetTable(List<String> header, List<Row> rows, String format) {

	public record Row(int number, List<String> cells) {

		/** The stripped cell, or null when it is blank or beyond the row's end. */
		public String cell(int index) {
			if (index < 0 || index >= cells.size()) {
				return null;
			}
			var text = cells.get(index);
			if (text == null || text.isBlank()) {
				return null;
			}
			return text.strip();
		}

		boolean blank() {
			return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
		}
	}
}
