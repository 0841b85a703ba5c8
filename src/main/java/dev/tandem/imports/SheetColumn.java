package dev.tandem.imports;

/** A header of the file and the field it was matched to; null when the column is left out. */
public record SheetColumn(String header, String field) {
}
