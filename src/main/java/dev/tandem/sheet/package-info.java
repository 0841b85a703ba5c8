/**
 * Spreadsheets out: one way to write rows as CSV (RFC 4180, UTF-8, a header row, text that a
 * spreadsheet would run as a formula neutralised) or as XLSX (numbers as numbers, dates as
 * dates, written through a streaming workbook so that millions of rows never sit in memory),
 * and how an API request asks for either ({@code Accept: text/csv} or {@code ?format=csv|xlsx}).
 * The modules that own the data decide which rows and columns to export; this module only
 * writes them. It depends on nothing but the problem module, so that any module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Spreadsheets", allowedDependencies = { "problem" })
package dev.tandem.sheet;
