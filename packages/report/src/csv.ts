// Spreadsheets read a cell as a formula when it starts with one of these, even inside quotes
// (and a tab or carriage return can hide one after it); the fullwidth forms are read as such by
// some of them. Leading white space does not make a formula safe either.
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell of CSV (RFC 4180): quoted when it holds a quote, a comma or a line break, and
 * neutralised when a spreadsheet would take it for a formula (=, +, -, @, tab or carriage
 * return first): such a cell gets an apostrophe in front, which spreadsheets show as text and
 * a person reading the file sees for what it is.
 */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV (RFC 4180: CRLF line ends, a CRLF after the last row), every cell through {@link csvCell}. */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
