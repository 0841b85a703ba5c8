package dev.tandem.imports;

import dev.tandem.problem.FieldProblem;

/** One thing to fix: its row (0 for the file or its header), its column (null for the whole row) and what is wrong. */
public record ImportProblem(int row, String column, String message) {

	FieldProblem field() {
		var where = row == 0 ? "header" : "row " + row;
		return new FieldProblem(column == null ? where : where + ", " + column, message);
	}
}
